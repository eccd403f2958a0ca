"""What each page shows, one module per page: a frozen settings object in, a frozen result out.

Each module (`ringkasan`, `paparan`, `peta`, `lintasan_target`, `kecamatan`, `kebutuhan`, `stbm`, `sampah_drainase`,
`opd`, `komitmen`, `metodologi`, `data`) has one entry point, `view(an, settings)`, returning the finished numbers,
texts and charts its page renders; the page computes nothing. Shared computations live in the engine modules they
are named after (`sanitasi.analysis`, `cards`, `documents`, `maps`, `trajectories`, `needs`, ...); `display` holds
what a view hands over besides numbers and texts (tables, figures, the source line).
"""
