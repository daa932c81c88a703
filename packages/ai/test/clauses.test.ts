import { concise, extractClauses, imperative } from '../src/local/clauses';
import { HOURS_PER_POINT, localBreakdown, phaseOf } from '../src/local/breakdown.rules';

const titles = (description: string | null) => extractClauses(description).map((c) => c.title);

describe('clause extraction', () => {
  it('reads nothing from an empty or missing description', () => {
    expect(extractClauses(null)).toEqual([]);
    expect(extractClauses('')).toEqual([]);
    expect(extractClauses('  \n\n ')).toEqual([]);
  });

  it('takes list items as written, in order, with markdown and check boxes removed', () => {
    const clauses = extractClauses(
      '## Tasks\n- Add a **welcome** tour\n* Send a welcome email\n1. [ ] Track `completion`\n2) Adding analytics events',
    );
    expect(clauses.map((c) => c.title)).toEqual([
      'Add a welcome tour',
      'Send a welcome email',
      'Track completion',
      'Add analytics events',
    ]);
    expect(clauses.every((c) => c.kind === 'list')).toBe(true);
    expect(clauses[0]!.phrase).toBe('Add a welcome tour');
  });

  it('gives a list item that names only a thing a verb that suits it', () => {
    expect(
      titles('## Scope\n- Webhook subscription model\n- Offline banner in the header\n- Receipt emails'),
    ).toEqual([
      'Implement webhook subscription model',
      'Build offline banner in the header',
      'Send receipt emails',
    ]);
  });

  it('splits an enumeration into one step per item, keeping names as written', () => {
    const clauses = extractClauses(
      'It needs a server integration, a payment form, webhooks for success and failure, refunds for support, receipt emails, PCI compliance and Stripe test mode.',
    );
    expect(clauses.map((c) => c.title)).toEqual([
      'Implement the server integration',
      'Build the payment form',
      'Handle webhooks for success and failure',
      'Handle refunds for support',
      'Send receipt emails',
      'Ensure PCI compliance',
      'Set up Stripe test mode',
    ]);
    expect(clauses.every((c) => c.kind === 'enumeration')).toBe(true);
    expect(clauses[1]!.phrase).toBe('a payment form');
  });

  it("shares a sentence's leading verb among its enumerated objects", () => {
    expect(titles('Add a search box, a filter menu and an empty state.')).toEqual([
      'Add the search box',
      'Add the filter menu',
      'Add the empty state',
    ]);
  });

  it('keeps a list of single values as one clause rather than a step per value', () => {
    expect(titles('Roles: viewer, contributor, moderator, admin.')).toEqual([]);
    expect(titles('We need to define roles: viewer, contributor, moderator and admin.')).toEqual([
      'Define roles: viewer, contributor, moderator and admin',
    ]);
  });

  it('turns must/should clauses and acceptance criteria into steps', () => {
    expect(
      titles(
        'The header value must be accurate to within one second. Users should be able to export their tasks. We need to back up the database first.',
      ),
    ).toEqual([
      'Ensure the header value is accurate to within one second',
      'Ensure users can export their tasks',
      'Back up the database first',
    ]);
    expect(titles('## Acceptance criteria\n- Every 429 response includes a Retry-After header')).toEqual([
      'Ensure every 429 response includes a Retry-After header',
    ]);
  });

  it("reads a user story's wish as the step", () => {
    expect(titles('As a host, I want to receive email notifications so that I do not miss updates.')).toEqual(
      ['Send email notifications'],
    );
  });

  it('takes prose sentences that start with a verb and ignores description of the situation', () => {
    expect(
      titles(
        'The monitor API does not say enough. Create a migration script for the old rows. Test it on a dump of production.',
      ),
    ).toEqual(['Create a migration script for the old rows', 'Test it on a dump of production']);
  });

  it('skips code blocks, tables, questions and context sections such as references or out of scope', () => {
    expect(
      titles(
        [
          'Add the endpoint.',
          '```ts',
          'const x = create();',
          '```',
          '| Add | a table row |',
          'Should we also add caching?',
          '## References',
          '- Read the RFC about caching headers',
          '## Out of scope',
          '- Add a second endpoint for admins',
        ].join('\n'),
      ),
    ).toEqual(['Add the endpoint']);
  });

  it('puts verbs in the imperative and shortens long titles to what to do', () => {
    expect(imperative('Adds a language switcher')).toBe('Add a language switcher');
    expect(imperative('try migrating to vite')).toBe('Migrate to vite');
    expect(
      concise('Back up the database before this issue is merged into staging and released into production'),
    ).toBe('Back up the database');
  });
});

describe('local breakdown from the description', () => {
  const stripe = {
    projectName: 'Shop',
    task: {
      key: 'SHOP-1',
      title: 'Add Stripe checkout to the web shop',
      description:
        'Customers pay by card. It needs a server integration, a payment form, webhooks for success and failure, refunds for support, receipt emails, PCI compliance and Stripe test mode.',
      priority: 'high' as const,
      storyPoints: 8,
    },
  };

  it('proposes the seven things the Stripe description names, each quoting its phrase', () => {
    const { suggestions } = localBreakdown(stripe);
    const fromDescription = suggestions.filter((s) => s.origin?.kind === 'description');
    expect(fromDescription.map((s) => s.title)).toEqual([
      'Set up Stripe test mode',
      'Implement the server integration',
      'Build the payment form',
      'Handle webhooks for success and failure',
      'Handle refunds for support',
      'Send receipt emails',
      'Ensure PCI compliance',
    ]);
    expect(fromDescription[2]!.origin).toEqual({ kind: 'description', phrase: 'a payment form' });
  });

  it('fills the test gap from a playbook, saying so, and never repeats the title in a step', () => {
    const { suggestions } = localBreakdown(stripe);
    const last = suggestions.at(-1)!;
    expect(phaseOf(last.title)).toBe('test');
    expect(last.origin).toEqual({ kind: 'playbook', playbook: 'a third-party integration' });
    for (const s of suggestions)
      expect(s.title.toLowerCase()).not.toContain('stripe checkout to the web shop');
  });

  it('orders steps set-up → build → test → release and numbers them', () => {
    const { suggestions } = localBreakdown({
      projectName: 'Web',
      task: {
        key: 'WEB-2',
        title: 'Export reports',
        description:
          '- Document the export in the README\n- Write tests for the CSV output\n- Build the CSV writer\n- Design the column layout',
        priority: 'medium',
        storyPoints: null,
      },
    });
    expect(suggestions.map((s) => s.title)).toEqual([
      'Design the column layout',
      'Build the CSV writer',
      'Write tests for the CSV output',
      'Document the export in the README',
    ]);
    expect(suggestions.map((s) => s.order)).toEqual([1, 2, 3, 4]);
  });

  it('shares the story points between the steps', () => {
    const { suggestions } = localBreakdown(stripe);
    const total = suggestions.reduce((sum, s) => sum + s.estimatedHours, 0);
    expect(total).toBeGreaterThan(8 * HOURS_PER_POINT * 0.8);
    expect(total).toBeLessThan(8 * HOURS_PER_POINT * 1.2);
  });

  it('drops steps that say nothing beyond the title and steps that repeat another', () => {
    const { suggestions } = localBreakdown({
      projectName: 'Web',
      task: {
        key: 'WEB-3',
        title: 'Add dark mode',
        description:
          '- Add dark mode\n- Add a theme toggle to the settings\n- Add the theme toggle to settings\n- Store the preference',
        priority: 'medium',
        storyPoints: null,
      },
    });
    const described = suggestions.filter((s) => s.origin?.kind === 'description').map((s) => s.title);
    expect(described).toEqual(['Add a theme toggle to the settings', 'Store the preference']);
  });

  it('answers a title-only release task with the release playbook', () => {
    const { suggestions } = localBreakdown({
      projectName: 'Lib',
      task: {
        key: 'LIB-9',
        title: 'Release v2.0.1',
        description: null,
        priority: 'medium',
        storyPoints: null,
      },
    });
    expect(suggestions.map((s) => s.title)).toEqual([
      'Bump the version number',
      'Update the changelog',
      'Smoke-test the release build',
      'Tag the release',
      'Publish the release',
      'Announce the release',
    ]);
    expect(suggestions.every((s) => s.origin?.kind === 'playbook')).toBe(true);
  });
});
