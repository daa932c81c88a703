// Task text for the search bench: titles and descriptions drawn from a tracker's vocabulary with a
// Zipf-like spread (a few words are everywhere, most are uncommon), from a seeded generator so
// every run loads the same rows.

// Roughly by how often they show up in real task titles: the first ones appear in a large share.
export const VOCABULARY = `fix add update remove bug error page user api test login button settings
  data issue support new report list view form field support email search task project error handling
  mobile layout dashboard notification admin account profile export import upload file image link
  status update permission role team workspace board column card drag drop filter sort pagination
  cache performance slow timeout crash memory leak query index database migration schema backend
  frontend component modal dialog tooltip dropdown menu sidebar header footer navigation routing
  redirect session token password reset signup onboarding invite member billing invoice payment
  subscription plan pricing checkout cart order shipping address currency tax discount coupon refund
  webhook integration slack github jira calendar reminder schedule recurring deadline priority label
  comment mention reply thread attachment preview thumbnail resize crop compress storage bucket
  backup restore archive delete undo redo history audit log metric chart graph analytics tracking
  event queue worker job retry failure alert monitor health check deploy release rollback staging
  production config environment variable secret key certificate domain dns proxy gateway balancer
  docker container cluster node scaling autoscale latency throughput benchmark profile optimise
  refactor cleanup rename typo copy translation locale timezone date format number currency input
  validation sanitise escape encode decode parse serialise json csv pdf markdown editor toolbar
  keyboard shortcut accessibility contrast screen reader focus tab order dark mode theme colour font
  spacing alignment responsive tablet desktop browser safari firefox chrome edge offline sync
  conflict merge version draft publish review approve reject assign unassign watcher follower`
  .split(/\s+/)
  .filter(Boolean);

/** Planted in one task in RARE_EVERY (never produced by the vocabulary). */
export const RARE_WORD = 'kerberos';
export const RARE_EVERY = 20_000;

/** A small, fast, seeded PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A word index with probability ~ 1/(rank+1): index = floor(n^u) - 1 for u uniform. */
function zipfWord(random) {
  const n = VOCABULARY.length;
  const i = Math.floor(Math.pow(n + 1, random())) - 1;
  return VOCABULARY[Math.min(Math.max(i, 0), n - 1)];
}

export function phrase(random, min, max) {
  const length = min + Math.floor(random() * (max - min + 1));
  const words = [];
  for (let i = 0; i < length; i++) words.push(zipfWord(random));
  return words.join(' ');
}

/** Title (3–12 words, capitalised) and, for about one task in three, a short description. */
export function taskText(random, ordinal) {
  let title = phrase(random, 3, 12);
  if (ordinal % RARE_EVERY === RARE_EVERY - 1) title = `${title} ${RARE_WORD}`;
  title = title.charAt(0).toUpperCase() + title.slice(1);
  const description = random() < 0.33 ? `${phrase(random, 8, 30)}.` : null;
  return { title, description };
}

/** A comment's body (6–40 words, one or two sentences); one comment in RARE_EVERY also says RARE_WORD. */
export function commentText(random, ordinal) {
  let body = `${phrase(random, 3, 20)}.`;
  if (random() < 0.5) body += ` ${phrase(random, 3, 20)}.`;
  if (ordinal % RARE_EVERY === RARE_EVERY / 2) body += ` See ${RARE_WORD}.`;
  return body.charAt(0).toUpperCase() + body.slice(1);
}
