// Interop for graphology's CommonJS packages: TypeScript (NodeNext) types a default import as the module
// namespace, while Vite hands over module.exports itself; this returns the callable in both worlds.

export function cjs<M extends { default: unknown }>(mod: M): M['default'] {
  const m = mod as unknown as { default?: unknown };
  return (m.default ?? mod) as M['default'];
}
