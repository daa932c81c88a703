import { analyse } from './nlp';

/**
 * Where in a description a sub-task was read:
 * - `list`: an item of a list the author wrote (`-`, `*`, `1.`, `[ ]`);
 * - `enumeration`: one of "X, Y and Z" in a sentence ("needs a payment form, refunds and receipts");
 * - `requirement`: a "must / should / need to" clause, or a user story's "I want to …";
 * - `action`: a sentence that starts with a verb ("Back up the database before the release.").
 */
export type ClauseKind = 'list' | 'enumeration' | 'requirement' | 'action';

export interface Clause {
  /** The sub-task as an imperative title ("Build the payment form"). */
  title: string;
  /** The words of the description it came from, as written (cleaned of markdown). */
  phrase: string;
  kind: ClauseKind;
}

/**
 * Verbs a task step starts with. The tagger reads a capitalised first word as a proper noun now
 * and then ("Tag release", "Design welcome screen"), so the first word is checked against this
 * list by its lemma instead of trusting the tag alone.
 */
const TASK_VERBS = new Set(
  (
    'access add adjust allow analyse analyze announce apply archive assign audit automate back ' +
    'backfill block build bump cache calculate call change check clarify clean cleanup clear ' +
    'collect compute configure confirm connect convert copy create cut debug decide define delete ' +
    'deploy deprecate describe design detect disable display document draft drop edit emit enable ' +
    'enforce ensure estimate evaluate explain expose extend extract fetch filter find fix flag ' +
    'generate give handle help hide highlight hook implement import improve include increase ' +
    'inform install integrate introduce investigate invite keep label let limit link list listen ' +
    'load localise localize log make mark measure mention merge migrate mock monitor move ' +
    'normalise normalize notify observe offer open optimise optimize outline paginate parse patch ' +
    'persist plan polish port precompute prefetch prepare prevent profile prototype provide ' +
    'publish pull push rate read rebuild record redesign redirect reduce refactor register reject ' +
    'release remove rename render reorganise replace report reproduce request research reset ' +
    'resolve restore restrict retry return reuse review revoke rewrite rollback rotate run ' +
    'sanitise sanitize save scaffold schedule search secure send separate serve set setup ship ' +
    'show sign simplify skip sort split start stop store stream submit support surface switch ' +
    'sync tag test throttle track translate trigger try tune turn unify update upgrade upload use ' +
    'validate verify view walk warn wire write'
  ).split(' '),
);

/** Headings whose lists are context, not work. */
const CONTEXT_HEADING =
  /\b(evidence|references?|links?|dependenc(y|ies)|labels?|source|files?|impacted|notes?|out of scope|non-goals?|alternatives?|additional (context|info)|screenshots?|environment|version|logs?|milestone|related|background|motivation|why|problem|current (state|behaviou?r)|expected (result|behaviou?r)|actual (result|behaviou?r)|steps to reproduce|accountability|owner|estimat(e|ion)|priority|phase)\b/i;

const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.+)$/;
const HEADING = /^\s*(?:#{1,6}\s+(.+?)\s*#*\s*$|\*\*([^*]+?)\*\*:?\s*$|__([^_]+?)__:?\s*$)/;
const MODAL = /^(.{1,80}?)\s+(?:should|must|shall|needs? to|has to|have to|will need to)\s+(not\s+)?(.+)$/i;
const PERSONAL_MODAL =
  /^(?:(?:so|then|also|and|but)\s+)?(?:we|you|i|they)\s+(?:also\s+)?(?:will\s+)?(?:should|must|need to|needs to|have to|has to|want to|would like to|'d like to)\s+(.+)$/i;
const STORY =
  /^as an? [^,]{1,60}?,?\s+i\s+(?:want|need|would like|'d like|should|must|have to)(?: to)?(?: be able to)?\s+(.+?)(?:,?\s+(?:so that|in order to|to improve|to make)\b.*)?$/i;
const ENUMERATION_INTRO =
  /\b(?:needs?|requires?|includes?|including|involves?|covers?|lists?|such as|consists? of|handles?|supports?|with)\s+(.+)$/i;

/** Markdown and decoration away, the words kept ("**Export** [guide](x)" → "Export guide"). */
export function plainText(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^[\s>*_]+/, '')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** A verb for a step named by its object alone ("a payment form" → "Build the payment form"). */
function verbFor(object: string): string {
  const o = object.toLowerCase();
  if (/\b(tests?|sandbox|test mode|credentials?|ci|pipeline|environment|staging|account)\b/.test(o))
    return 'Set up';
  if (/\b(compliance|security|gdpr|pci|accessib\w*|wcag|privacy)\b/.test(o)) return 'Ensure';
  if (/\b(docs?|documentation|readme|guide|changelog|tutorial)\b/.test(o)) return 'Write';
  if (/\b(emails?|notifications?|receipts?|reminders?|alerts?|digests?)\b/.test(o)) return 'Send';
  if (/\b(refunds?|errors?|failures?|retries|events?|callbacks?)\b/.test(o)) return 'Handle';
  if (
    /\b(form|page|screen|button|banner|dialog|modal|view|component|layout|menu|widget|indicator|panel|tab|toggle|icon)s?\b/.test(
      o,
    )
  )
    return 'Build';
  return 'Implement';
}

/**
 * Turns a fragment into an imperative title: a leading task verb is put in its base form
 * ("Adding tests" → "Add tests"); a statement of fact becomes "Ensure …"; an object alone gets a
 * verb that suits it; articles at the start become "the".
 */
export function imperative(fragment: string, startsSentence = true): string {
  let text = plainText(fragment)
    .replace(/^(?:\d+[.)]\s*|\[[ xX]\]\s*)/, '')
    .replace(/[.;:!,\s]+$/, '')
    .trim();
  if (!text) return '';
  // "try migrating to X" → "Migrate to X"; "receive emails" (what a user wants) → "Send emails".
  text = text
    .replace(/^try\s+(\w+?)ing\b/i, (_m, stem: string) => (/(at|iz|is|rat)$/.test(stem) ? `${stem}e` : stem))
    .replace(/^(?:receive|get)\s+/i, 'Send ')
    .replace(/^see\s+/i, 'Show ')
    .replace(/^have\s+/i, 'Provide ')
    .replace(/^no\s+/i, 'Make no ');
  const tokens = analyse(text).words;
  const first = tokens[0];
  if (first && (TASK_VERBS.has(first.lemma.toLowerCase()) || TASK_VERBS.has(first.normal))) {
    const base = TASK_VERBS.has(first.normal) ? first.normal : first.lemma.toLowerCase();
    const rest = text.slice(text.toLowerCase().indexOf(first.normal) + first.normal.length);
    return capitalise(`${base}${rest}`).slice(0, 200);
  }
  text = text.replace(/^(?:a|an)\s+/i, 'the ');
  const object = startsSentence ? lowerFirst(text) : text;
  // "Every response includes a header": a subject, then a verb that is not its first word.
  const finite = tokens.findIndex(
    (t, i) =>
      i > 0 && (t.pos === 'VERB' || t.pos === 'AUX') && t.normal !== t.lemma && !t.normal.endsWith('ing'),
  );
  if (finite > 0 && finite <= 4 && tokens.length >= 4) return `Ensure ${object}`.slice(0, 200);
  return `${verbFor(text)} ${object}`.slice(0, 200);
}

function lowerFirst(text: string): string {
  // Keep acronyms and names as written ("API", "GitHub"); lower only an ordinary capitalised word.
  return /^[A-Z][a-z]+\b/.test(text) && !/^[A-Z][a-z]+[A-Z]/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

/**
 * A title says what to do, not why or when: a long clause is cut before its "so that", "before",
 * "to ensure" (the whole clause stays in the origin's phrase), and long titles lose their asides.
 */
export function concise(title: string): string {
  let out = title;
  if (words(out).length > 8) {
    const cut =
      /\s(?:—|-{1,2}|;|so that|to ensure|to make sure|in order to|that will|which|before|after|because|since|once)\s/i.exec(
        out,
      );
    if (cut && words(out.slice(0, cut.index)).length >= 3) out = out.slice(0, cut.index);
  }
  if (words(out).length > 10) out = out.replace(/\s*\([^)]*\)/g, '');
  return out.replace(/[\s,;:.]+$/, '');
}

/** The items of "a, b, c and d" (commas first; only the last part splits on its "and"/"or"). */
function splitEnumeration(list: string): string[] {
  const parts = list
    .replace(/\([^)]*\)/g, (m) => m.replace(/,/g, ' '))
    .split(/\s*,\s*/)
    .filter(Boolean);
  if (parts.length < 2) return [];
  const last = parts.pop()!;
  const tail = last.split(/\s+(?:and|or|as well as)\s+/);
  const items = [...parts, ...tail].map((p) => p.replace(/^(?:and|or)\s+/i, '').trim()).filter(Boolean);
  return items.length >= 3 ? items : [];
}

/** "The value must be accurate" → "Ensure the value is accurate"; "Users should be able to X" → "Ensure users can X". */
function requirementTitle(sentence: string): string | undefined {
  const modal = MODAL.exec(sentence);
  if (!modal || words(modal[1]!).length > 6) return undefined;
  const [, subject, not, rest] = modal as unknown as [string, string, string | undefined, string];
  if (words(rest).length < 2 && !/^be\b/i.test(rest)) return undefined;
  const be = /^be\s+(?!able to\b)(.+)$/i.exec(rest);
  const able = /^be able to\s+(.+)$/i.exec(rest);
  const who = lowerFirst(subject);
  const plural = /s$/i.test(words(subject).at(-1) ?? '') && !/ss$/i.test(subject);
  const title = be
    ? `Ensure ${who} ${plural ? 'are' : 'is'}${not ? ' not' : ''} ${be[1]}`
    : `Ensure ${who} ${not ? 'cannot' : 'can'} ${able ? able[1] : rest}`;
  return capitalise(plainText(title)).slice(0, 200);
}

/** Clauses of one sentence: its enumeration, its requirement, or the sentence as an action. */
function sentenceClauses(raw: string): Clause[] {
  const sentence = plainText(raw)
    .replace(/[.!]+$/, '')
    .trim();
  if (sentence.length < 8 || sentence.endsWith('?') || words(sentence).length < 3) return [];
  if (/^(?:so that|in order to|so|because|since|if|when|otherwise)\b/i.test(sentence)) return [];
  const story = STORY.exec(sentence);
  if (story) return [{ title: imperative(story[1]!), phrase: sentence, kind: 'requirement' }];

  const personal = PERSONAL_MODAL.exec(sentence);
  if (personal) {
    const inner = enumerationClauses(personal[1]!);
    return inner.length
      ? inner
      : [{ title: imperative(personal[1]!), phrase: sentence, kind: 'requirement' }];
  }
  const enumeration = enumerationClauses(sentence);
  if (enumeration.length) return enumeration;

  const first = analyse(sentence).words[0];
  if (first && TASK_VERBS.has(first.lemma.toLowerCase()) && first.lemma.toLowerCase() === first.normal)
    return [{ title: imperative(sentence), phrase: sentence, kind: 'action' }];
  const requirement = requirementTitle(sentence);
  if (requirement) return [{ title: requirement, phrase: sentence, kind: 'requirement' }];
  return [];
}

/**
 * "Add a payment form, refunds and receipt emails" → three steps with the sentence's verb;
 * "It needs a server integration, webhooks, refunds and PCI compliance" → one step per item, each
 * with a verb that suits it. Lists of single words ("roles: viewer, editor, admin") are values,
 * not steps: they stay one clause.
 */
function enumerationClauses(sentence: string): Clause[] {
  const first = analyse(sentence).words[0];
  const leadingVerb = first && TASK_VERBS.has(first.lemma.toLowerCase()) ? first.normal : undefined;
  let items: string[] = [];
  let verb: string | undefined;
  if (leadingVerb) {
    items = splitEnumeration(
      sentence.slice(sentence.toLowerCase().indexOf(leadingVerb) + leadingVerb.length).trim(),
    );
    verb = capitalise(first!.lemma.toLowerCase());
  }
  if (items.length === 0) {
    const intro = ENUMERATION_INTRO.exec(sentence) ?? /:\s*(.+)$/.exec(sentence);
    if (intro) items = splitEnumeration(intro[1]!);
    verb = undefined;
  }
  if (items.length < 3) return [];
  // Steps are things to make: "to improve security" or "explaining how" are not.
  if (!verb && items.some((i) => /^(?:to|how|why|that|which|who|when|if)\b/i.test(i))) return [];
  const multiWord = items.filter((i) => words(i).length >= 2).length;
  if (multiWord < items.length / 2) return [];
  return items.map((item) => ({
    title: verb
      ? capitalise(`${verb} ${item.replace(/^(?:a|an)\s+/i, 'the ')}`).slice(0, 200)
      : imperative(item, false),
    phrase: item,
    kind: 'enumeration' as const,
  }));
}

/** A list item is a step when it starts with a verb, has some length, or sits under a work heading. */
function isStep(item: string, underWorkHeading: boolean): boolean {
  if (item.endsWith(':')) return false;
  const text = plainText(item);
  const first = analyse(text).words[0];
  if (first && TASK_VERBS.has(first.lemma.toLowerCase())) return true;
  return underWorkHeading || words(text).length >= 3;
}

const WORK_HEADING =
  /\b(tasks?|todo|to do|scope|requirements?|deliverables?|details|solution|proposal|proposed|plan|steps?|execution|acceptance|criteria|features?|work|breakdown|implementation|technical|changes?|goals?|what to (build|do)|checklist|definition of done|ui|api|backend|frontend|indicators?)\b/i;

/**
 * Reads a description's own structure for sub-tasks, in the order written: list items (outside
 * code blocks, tables and context sections such as "Evidence" or "Out of scope"), then in prose
 * enumerations, must/should clauses, user stories and sentences that start with a verb.
 */
export function extractClauses(description: string | null): Clause[] {
  if (!description?.trim()) return [];
  const text = description.replace(/```[\s\S]*?(```|$)/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  const out: Clause[] = [];
  let heading = '';
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length && !CONTEXT_HEADING.test(heading)) {
      const prose = plainText(paragraph.join(' '));
      for (const sentence of analyse(prose).sentences) out.push(...sentenceClauses(sentence.text));
    }
    paragraph = [];
  };
  for (const line of text.split('\n')) {
    const h = HEADING.exec(line);
    if (h) {
      flush();
      heading = plainText(h[1] ?? h[2] ?? h[3] ?? '');
      continue;
    }
    if (!line.trim() || /^\s*\|/.test(line) || /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      if (/\b(out of scope|non-goals?|not in scope)\b/i.test(heading)) continue;
      if (CONTEXT_HEADING.test(heading) && !WORK_HEADING.test(heading)) continue;
      const raw = item[1]!.trim();
      if (!isStep(raw, WORK_HEADING.test(heading))) continue;
      const title = requirementTitle(plainText(raw)) ?? imperative(raw);
      if (title.length >= 3) out.push({ title, phrase: plainText(raw), kind: 'list' });
      continue;
    }
    // A short line ending with a colon names what follows ("Tasks:"), like a heading.
    if (/^[^.!?]{1,60}:\s*$/.test(line.trim())) {
      flush();
      heading = plainText(line.trim().replace(/:$/, ''));
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return out.filter((c) => c.title.length >= 3);
}
