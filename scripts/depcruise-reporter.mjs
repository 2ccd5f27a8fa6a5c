/**
 * dependency-cruiser reporter (`--output-type plugin:<this file>`): the rule violations, as the
 * `err` reporter lists them, plus cycles between the top-level folders of each package's source
 * (and between the mini-program's features).
 * dependency-cruiser's `scope: 'folder'` rules see each sub-folder on its own (orders/ →
 * payments/entities/ and payments/ → orders/ is no folder cycle to them), so the module-level
 * cycle check is done here, on the graph collapsed to one node per top-level folder.
 */
const ROOTS = [
  'apps/server/src/',
  'apps/miniapp/src/',
  'apps/miniapp/src/features/',
  'apps/console/src/',
  'packages/vendor-clients/src/',
  'packages/vendor-simulators/src/',
];

/** With root `apps/server/src/`: `apps/server/src/orders/dto/x.ts` → `orders`; files directly in it → `(root)`. */
function folderIn(root, path) {
  if (!path.startsWith(root)) return undefined;
  const rest = path.slice(root.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : '(root)';
}

/** Folder → folder arrows under one root, each with one import that makes it (to name in the report). */
function folderGraph(root, modules) {
  const arrows = new Map();
  for (const module of modules) {
    const from = folderIn(root, module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = folderIn(root, dependency.resolved);
      if (!to || to === from) continue;
      if (!arrows.has(from)) arrows.set(from, new Map());
      if (!arrows.get(from).has(to)) arrows.get(from).set(to, `${module.source} → ${dependency.resolved}`);
    }
  }
  return arrows;
}

/** Tarjan's strongly connected components with more than one folder: each is a cycle. */
function cycles(arrows) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const found = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    for (const to of arrows.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node), index.get(to)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of arrows.keys()) if (!index.has(node)) visit(node);
  return found;
}

function formatViolation(violation) {
  const head = `  ${violation.rule.severity} ${violation.rule.name}: ${violation.from}`;
  if (violation.cycle?.length)
    return `${head} →\n${violation.cycle.map((step) => `      ${step.name ?? step}`).join(' →\n')}`;
  return `${head} → ${violation.to}`;
}

function formatFolderCycle(root, component, arrows) {
  const inside = new Set(component);
  const lines = component.flatMap((from) =>
    [...(arrows.get(from)?.entries() ?? [])]
      .filter(([to]) => inside.has(to))
      .map(([to, via]) => `      ${from} → ${to}  (${via})`),
  );
  return `  error no-folder-cycle in ${root}: ${component.join(', ')}\n${lines.join('\n')}`;
}

export default function report(result) {
  const violations = result.summary.violations.filter((violation) => violation.rule.severity !== 'ignore');
  const folderCycles = ROOTS.flatMap((root) => {
    const arrows = folderGraph(root, result.modules);
    return cycles(arrows).map((component) => formatFolderCycle(root, component, arrows));
  });
  const errors = result.summary.error + folderCycles.length;
  const lines = [...violations.map(formatViolation), ...folderCycles];
  const tally = `${errors} errors, ${result.summary.warn} warnings; ${result.summary.totalCruised} modules cruised`;
  const output = lines.length ? `\n${lines.join('\n')}\n\n✘ ${tally}\n` : `✔ no dependency violations (${tally})\n`;
  return { output, exitCode: errors };
}
