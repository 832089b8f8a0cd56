// The one slug function of the project: entity ids ("person:gideon-saar") are built from names with it everywhere,
// so the gazetteer and the recogniser give one person one id and the store never splits a node in two.

/** ASCII slug of a name: letters folded to ASCII (ß → ss, ø → o), apostrophes and soft hyphens dropped, the rest '-'. */
export function slugify(name: string): string {
  return name
    .replace(/[ßẞ]/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/[łŁ]/g, 'l')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u00AD]/g, '')
    .toLowerCase()
    .replace(/['’`ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
