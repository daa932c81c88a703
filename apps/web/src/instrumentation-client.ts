import { z } from 'zod';

// Runs before the app's own modules. Zod compiles object parsers with `new Function` when it may,
// and finds out by trying: under our CSP (no 'unsafe-eval') that probe is a reported violation on
// every page. Jitless mode never probes; the parsing is the same, slightly slower.
z.config({ jitless: true });
