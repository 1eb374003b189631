/** How the UI names a scope layer: `folder Users`, `collection Team` (docs/workspace-model.md). */
export function scopeLabel(layer: { kind: 'collection' | 'folder'; name: string }): string {
  return `${layer.kind} ${layer.name}`;
}
