import { h, select, uniqueId } from './dom.js';

/** The explain route's body: what `listql explain` prints for each target. */
export interface ExplainTexts {
  readonly ast: string;
  readonly sql: Readonly<Record<string, string>>;
  readonly mongo: string;
}

/** The AST, SQL and MongoDB panels. */
export interface ExplainPanel {
  readonly element: HTMLElement;
  show(texts: ExplainTexts | null): void;
}

function block(title: string, open: boolean, ...content: HTMLElement[]): HTMLDetailsElement {
  const details = h('details', { class: 'explain' }, h('summary', {}, title), ...content);
  details.open = open;
  return details;
}

/**
 * What the query becomes, from the same code as `listql explain`: the AST,
 * the SQL of a chosen dialect (page and count statements, with parameters)
 * and the MongoDB filter and pipelines. Each is a collapsible block.
 *
 * @example
 * const panel = explainPanel(); panel.show(await (await fetch('/explain/leads?status=won')).json());
 */
export function explainPanel(): ExplainPanel {
  const ast = h('pre', { tabindex: '0' });
  const sql = h('pre', { tabindex: '0' });
  const mongo = h('pre', { tabindex: '0' });
  const dialectId = uniqueId('dialect');
  const dialect = select(
    { id: dialectId },
    [
      ['postgres', 'PostgreSQL'],
      ['mysql', 'MySQL / MariaDB'],
      ['sqlite', 'SQLite'],
    ],
    'postgres',
  );
  let texts: ExplainTexts | null = null;
  const draw = (): void => {
    const none = 'Run a valid query to see it.';
    ast.textContent = texts?.ast ?? none;
    sql.textContent = texts?.sql[dialect.value] ?? none;
    mongo.textContent = texts?.mongo ?? none;
  };
  dialect.addEventListener('change', draw);
  draw();
  const element = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'explain-title' },
    h('h2', { id: 'explain-title' }, 'What the query becomes'),
    h('p', { class: 'hint' }, 'From the same code as ', h('code', {}, 'listql explain'), '.'),
    block('AST', false, ast),
    block(
      'SQL',
      true,
      h('p', { class: 'row' }, h('label', { for: dialectId }, 'Dialect'), dialect),
      sql,
    ),
    block('MongoDB', false, mongo),
  );
  return {
    element,
    show(next) {
      texts = next;
      draw();
    },
  };
}
