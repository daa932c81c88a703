import { randomUUID } from 'node:crypto';
import { MARKDOWN_HTML_TAGS } from '@teamflow/contracts/markdown';
import type { Project } from '@teamflow/contracts/projects';
import { setAccessToken } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { extrasSettled } from '@/modules/markdown/lazy-extras';
import { markdownSchema } from '@/modules/markdown/markdown-schema';
import { anAnswer, aQueryClient, aTask, loaded, PROJECT, WORKSPACE } from '../builders';
import { render, settle, settleUntil, type Rendered } from '../render';
import { ATTACHMENT, GFM_FIXTURE, XSS_ATTEMPTS } from './fixtures';

const realFetch = globalThis.fetch;
let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

/** Renders and waits for the lazily loaded extras (highlighter, HTML parser) the text asks for. */
async function show(
  source: string,
  props: Partial<Parameters<typeof MarkdownView>[0]> = {},
  client = aQueryClient(),
) {
  view = await render(<MarkdownView source={source} {...props} />, client);
  await extrasSettled();
  await settle();
  return view.container;
}

const all = (root: Element, selector: string) => [...root.querySelectorAll(selector)];
const text = (root: Element, selector: string) => all(root, selector).map((e) => e.textContent?.trim());

describe('MarkdownView renders every GitHub-flavoured construct', () => {
  // One render for the whole block (afterEach unmounts only what show() rendered).
  let gfm: Rendered;
  let root: HTMLElement;
  beforeAll(async () => {
    gfm = await render(<MarkdownView source={GFM_FIXTURE} />);
    await extrasSettled();
    await settle();
    root = gfm.container;
  });
  afterAll(async () => gfm.unmount());

  it('headings, emphasis, strong, strikethrough and inline code', () => {
    expect(text(root, 'h1')).toEqual(['Heading one']);
    expect(text(root, 'h2')).toContain('Heading two');
    expect(text(root, 'h3')).toEqual(['Heading three']);
    expect(text(root, 'em')).toEqual(['emphasis', 'more emphasis']);
    expect(text(root, 'strong')).toEqual(['strong']);
    expect(text(root, 'del')).toEqual(['struck']);
    expect(text(root, 'p > code')).toEqual(['inline code']);
  });

  it('hard breaks, from two trailing spaces and from a backslash', () => {
    const paragraph = all(root, 'p').find((p) => p.textContent?.includes('A hard break'))!;
    expect(paragraph.querySelectorAll('br')).toHaveLength(2);
  });

  it('bullet, nested and ordered lists', () => {
    expect(all(root, 'ul ul ul > li').map((li) => li.textContent)).toEqual(['deeper bullet']);
    expect(root.querySelector('ul ul > li')?.firstChild?.textContent?.trim()).toBe('nested bullet');
    expect(text(root, 'ol:not(.footnotes ol) > li')).toEqual(['first', 'second']);
  });

  it('task lists, ticked and unticked, read-only without a toggle handler', () => {
    const boxes = all(root, 'li.task-list-item > input[type=checkbox]') as HTMLInputElement[];
    expect(boxes.map((b) => [b.getAttribute('aria-label'), b.checked, b.disabled])).toEqual([
      ['unticked task', false, true],
      ['ticked task', true, true],
    ]);
  });

  it('tables with each column aligned', () => {
    expect(text(root, 'table thead th')).toEqual(['Left', 'Centre', 'Right']);
    expect(all(root, 'table tbody td').map((td) => (td as HTMLElement).style.textAlign)).toEqual([
      'left',
      'center',
      'right',
    ]);
  });

  it('fenced code with its language, highlighted once the highlighter has loaded', () => {
    const code = root.querySelector('pre > code.language-ts')!;
    expect(code.textContent).toBe('const answer: number = 42;\n');
    expect(code.classList).toContain('hljs');
    expect(text(code, '.hljs-keyword')).toContain('const');
  });

  it('only code blocks are highlighted: inline code with a language class stays as written', async () => {
    const root = await show(
      '<p><code class="language-ts">const x = 1;</code></p>\n\n```ts\nconst y = 2;\n```\n',
    );
    const [inline, block] = all(root, 'code');
    expect(inline!.classList.contains('hljs')).toBe(false);
    expect(inline!.textContent).toBe('const x = 1;');
    expect(block!.classList).toContain('hljs');
    expect(text(block!, '.hljs-keyword')).toEqual(['const']);
  });

  it('blockquotes', () => {
    expect(root.querySelector('blockquote')?.textContent?.trim()).toBe('A quote\nover two lines');
  });

  it('links and autolinks open in a new tab that cannot reach back', () => {
    const links = all(root, 'a[target]') as HTMLAnchorElement[];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com',
      'https://teamflow.dev',
      'https://angle.example',
    ]);
    for (const a of links) expect([a.target, a.rel]).toEqual(['_blank', 'noopener noreferrer']);
    expect(links[0]!.title).toBe('Example');
  });

  it('footnotes, with the reference and the note linked to each other by prefixed ids', () => {
    const ref = root.querySelector<HTMLAnchorElement>('sup > a[data-footnote-ref]')!;
    const note = root.querySelector(`section.footnotes li${ref.getAttribute('href')!.replace(/:/g, '\\:')}`);
    expect(note?.textContent).toContain('The footnote text.');
    expect(note?.id).toMatch(/^user-content-/);
    const back = note!.querySelector<HTMLAnchorElement>('a[data-footnote-backref]')!;
    expect(back.getAttribute('href')).toBe(`#${ref.id}`);
  });

  it('images from our attachments, and only the alt text of any other image', () => {
    expect(all(root, 'img').map((img) => img.getAttribute('src'))).toEqual([ATTACHMENT]);
    expect(root.textContent).toContain('Tracking pixel');
  });

  it('a thematic break', () => {
    expect(root.querySelectorAll('hr')).toHaveLength(1);
  });
});

describe('MarkdownView lets nothing executable through', () => {
  const EXECUTABLE_TAGS = 'script, iframe, object, embed, style, link, meta, base, form, svg, math, body';
  const UNSAFE_URL = /^(javascript|vbscript|data):/i;
  const asBrowsersRead = (url: string) => [...url].filter((c) => c.charCodeAt(0) > 0x20).join('');

  it.each(XSS_ATTEMPTS.map((attempt) => [attempt]))('%s', async (attempt) => {
    const root = await show(`before\n\n${attempt}\n\nafter`);
    expect(root.textContent).toContain('after');
    expect(root.querySelectorAll(EXECUTABLE_TAGS)).toHaveLength(0);
    for (const element of all(root, '*')) {
      for (const attribute of [...element.attributes]) {
        expect(attribute.name).not.toMatch(/^on/i);
        expect(attribute.name).not.toBe('style');
        if (
          ['href', 'src', 'action', 'formaction', 'background', 'data', 'srcset'].includes(attribute.name)
        ) {
          expect(asBrowsersRead(attribute.value)).not.toMatch(UNSAFE_URL);
        }
      }
    }
    for (const img of all(root, 'img')) expect(img.getAttribute('src')).toMatch(/\/api\/v1\/attachments\//);
  });

  it('keeps the raw HTML the api keeps (details, kbd, sub) and drops the rest', async () => {
    const root = await show(
      '<details><summary>More</summary>Hidden <kbd>Ctrl</kbd> H<sub>2</sub>O</details>',
    );
    expect(root.querySelector('details > summary')?.textContent).toBe('More');
    expect(text(root, 'kbd')).toEqual(['Ctrl']);
    expect(text(root, 'sub')).toEqual(['2']);
  });

  it('keeps raw HTML far down a long text (the run that holds it gets the HTML parser)', async () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} ${'words '.repeat(40)}`).join('\n\n');
    const root = await show(
      `${filler}\n\nPress <kbd>Ctrl</kbd>.\n\n<details><summary>Far</summary>down</details>\n`,
    );
    for (let i = 0; i < 40 && !root.querySelector('details'); i++) {
      await extrasSettled();
      await settle(10);
    }
    expect(text(root, 'kbd')).toEqual(['Ctrl']);
    expect(root.querySelector('details > summary')?.textContent).toBe('Far');
    expect(root.querySelectorAll('script, [onerror]')).toHaveLength(0);
  });

  it('builds its schema from the api allowlist, adding only what Markdown syntax makes', () => {
    const schema = markdownSchema('user-content-x-');
    expect(schema.tagNames).toEqual([...MARKDOWN_HTML_TAGS, 'input', 'section', 'span']);
    expect(schema.protocols?.href).toEqual(['http', 'https', 'mailto']);
  });
});

describe('mentions', () => {
  const OLIVE = '0b4a3c2d-1111-4222-8333-444455556666';

  it('shows @[Name](userId) as @Name, marked with the user id', async () => {
    const root = await show(`Thanks @[Olive Owner](${OLIVE}), and **@[Bea](${OLIVE.toUpperCase()})**!`);
    const mentions = all(root, 'span.mention');
    expect(mentions.map((m) => [m.textContent, m.getAttribute('data-user-id')])).toEqual([
      ['@Olive Owner', OLIVE],
      ['@Bea', OLIVE],
    ]);
    expect(root.textContent).toBe('Thanks @Olive Owner, and @Bea!');
    expect(root.querySelector('a')).toBeNull();
  });

  it('leaves a mention token in code as written, and a link to an id without "@" as a link', async () => {
    const root = await show(`\`@[Olive](${OLIVE})\` and [Olive](${OLIVE})`);
    expect(root.querySelector('code')?.textContent).toBe(`@[Olive](${OLIVE})`);
    expect(root.querySelector('span.mention')).toBeNull();
    expect(root.querySelector('a')?.getAttribute('href')).toBe(OLIVE);
  });
});

describe('task keys', () => {
  const project: Project = {
    id: PROJECT,
    workspaceId: WORKSPACE,
    key: 'TF',
    name: 'TeamFlow',
    description: null,
    timeZone: null,
    version: 1,
    createdBy: WORKSPACE,
    createdAt: new Date(0).toISOString(),
    updatedAt: new Date(0).toISOString(),
  };

  async function clientWith(tasks: ReturnType<typeof aTask>[]) {
    const client = aQueryClient();
    client.setQueryData(queryKeys.projects(WORKSPACE), [project]);
    await loaded(client, queryKeys.boardTasks(PROJECT), tasks);
    return client;
  }

  it('links a key the board cache holds to the task page', async () => {
    const task = aTask({ key: 'TF-5', title: 'Ship the editor' });
    const root = await show('See TF-5 first.', { workspaceId: WORKSPACE }, await clientWith([task]));
    const link = root.querySelector<HTMLAnchorElement>('a.task-key')!;
    expect([link.textContent, link.getAttribute('href'), link.title]).toEqual([
      'TF-5',
      `/w/${WORKSPACE}/t/${task.id}`,
      'Ship the editor',
    ]);
    expect(link.target).toBe('');
  });

  it('links a key the workspace search found for this reader', async () => {
    const client = await clientWith([]);
    const id = '7d3f0a52-6c1b-4d0e-9a3b-2f6c1d8e9b10';
    client.setQueryData(queryKeys.taskKeyLookup(WORKSPACE, 'TF-9'), { id, title: 'Found by search' });
    const root = await show('Blocked by TF-9.', { workspaceId: WORKSPACE }, client);
    expect(root.querySelector('a.task-key')?.getAttribute('href')).toBe(`/w/${WORKSPACE}/t/${id}`);
  });

  it('looks up the keys of every text on a page in one search, linking those the reader may see', async () => {
    const client = await clientWith([]);
    const found = (key: string, title: string) => ({
      type: 'task',
      id: randomUUID(),
      projectId: PROJECT,
      key,
      title,
      status: 'todo',
      snippet: '',
      rank: 2,
    });
    const hits = [found('TF-1', 'First'), found('TF-3', 'Third')];
    const sent: string[] = [];
    globalThis.fetch = jest.fn((input: string) => {
      sent.push(new URL(input).searchParams.get('q') ?? '');
      return Promise.resolve(anAnswer(200, { items: hits, nextCursor: null }));
    }) as unknown as typeof fetch;
    setAccessToken('a-token');
    try {
      view = await render(
        <>
          <MarkdownView source="Start with TF-1, then TF-2." workspaceId={WORKSPACE} />
          <MarkdownView source="Last: TF-3." workspaceId={WORKSPACE} />
        </>,
        client,
      );
      await settleUntil(() => view!.container.querySelectorAll('a.task-key').length === 2);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(sent).toEqual(['TF-1 TF-2 TF-3']);
    const links = [...view.container.querySelectorAll<HTMLAnchorElement>('a.task-key')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['TF-1', `/w/${WORKSPACE}/t/${hits[0]!.id}`],
      ['TF-3', `/w/${WORKSPACE}/t/${hits[1]!.id}`],
    ]);
    expect(view.container.textContent).toContain('then TF-2.');
  });

  it('leaves a key the reader may not see as plain text', async () => {
    const client = await clientWith([]);
    client.setQueryData(queryKeys.taskKeyLookup(WORKSPACE, 'TF-404'), null);
    const root = await show('Not TF-404.', { workspaceId: WORKSPACE }, client);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toBe('Not TF-404.');
  });

  it('does not look up a key of a project outside the workspace', async () => {
    const client = await clientWith([]);
    const root = await show('Upstream ZZ-1.', { workspaceId: WORKSPACE }, client);
    expect(root.querySelector('a')).toBeNull();
    expect(client.getQueryCache().findAll({ queryKey: ['workspaces', WORKSPACE, 'task-key'] })).toHaveLength(
      0,
    );
  });

  it('leaves keys in code, in links and without a workspace alone', async () => {
    const task = aTask({ key: 'TF-6' });
    const client = await clientWith([task]);
    const root = await show('`TF-6` and [TF-6 docs](https://x.example)', { workspaceId: WORKSPACE }, client);
    expect(root.querySelector('a.task-key')).toBeNull();
    await view?.unmount();
    const plain = await show('TF-6', {}, client);
    expect(plain.querySelector('a')).toBeNull();
  });
});
