import type { AuditObjectType, Bilingual, ModuleManifest } from '../module';

/** The labels of every audit action and object type, collected from the modules' manifests. */
export interface AuditCatalogue {
  actions: Record<string, Bilingual>;
  objects: Record<string, AuditObjectType>;
}

/** Collects the manifests' labels; an action or object type declared by two modules is a mistake. */
export function auditCatalogue(modules: readonly Pick<ModuleManifest, 'name' | 'auditActions' | 'auditObjects'>[]): AuditCatalogue {
  const actions: Record<string, Bilingual> = {};
  const objects: Record<string, AuditObjectType> = {};
  const owner = new Map<string, string>();
  for (const m of modules) {
    for (const [code, label] of Object.entries(m.auditActions ?? {})) {
      if (owner.has(code)) throw new Error(`audit action ${code} is declared by ${owner.get(code)} and ${m.name}`);
      owner.set(code, m.name);
      actions[code] = label;
    }
    for (const [type, o] of Object.entries(m.auditObjects ?? {})) {
      if (owner.has(`object:${type}`)) throw new Error(`audit object ${type} is declared by ${owner.get(`object:${type}`)} and ${m.name}`);
      owner.set(`object:${type}`, m.name);
      objects[type] = o;
    }
  }
  return { actions, objects };
}

/** The action codes whose code or label (either language) contains `text`, case-insensitively. */
export function actionsMatching(actions: Record<string, Bilingual>, text: string): string[] {
  const t = text.trim().toLowerCase();
  return Object.entries(actions)
    .filter(([code, l]) => code.toLowerCase().includes(t) || l.zh.includes(text.trim()) || l.en.toLowerCase().includes(t))
    .map(([code]) => code);
}
