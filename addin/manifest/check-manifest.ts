/**
 * Offline checks of an XML add-in manifest, by regular expressions over the text (the manifest
 * is small, machine-like XML; no XML parser dependency). Returns the problems found, in English
 * (a developer tool).
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

/** The OfficeApp children of a task-pane manifest, in the order the schema asks for. */
const SCHEMA_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Rule',
  'DisableEntityHighlighting',
  'VersionOverrides',
] as const;

/** Ribbon images: the three sizes Office requires and the five it uses on high-DPI screens. */
export const REQUIRED_ICON_SIZES = [16, 32, 80] as const;
export const HIGH_DPI_ICON_SIZES = [20, 24, 40, 48, 64] as const;

/** The elements every task-pane manifest must have, in the order the schema asks for. */
export const REQUIRED_ELEMENTS = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'Hosts',
  'DefaultSettings',
  'SourceLocation',
  'Permissions',
  'VersionOverrides',
  'Resources',
] as const;

const elementText = (xml: string, name: string): string | null => {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  return m ? m[1].trim() : null;
};

const hasElement = (xml: string, name: string): boolean =>
  new RegExp(`<(?:[a-z]+:)?${name}[\\s/>]`).test(xml);

/** `id` attributes of resources (bt:Image, bt:Url, bt:String) per resource list. */
function resourceIds(xml: string): Set<string> {
  const ids = new Set<string>();
  const resources = /<Resources>([\s\S]*?)<\/Resources>/.exec(xml)?.[1] ?? '';
  for (const m of resources.matchAll(/<bt:(?:Image|Url|String)\s+[^>]*\bid="([^"]+)"/g)) ids.add(m[1]);
  return ids;
}

export function checkManifest(xml: string): string[] {
  const problems: string[] = [];
  if (!/<OfficeApp[\s>]/.test(xml)) problems.push('the root element OfficeApp is missing');
  if (!/xsi:type="TaskPaneApp"/.test(xml)) problems.push('OfficeApp must be xsi:type="TaskPaneApp"');
  for (const name of REQUIRED_ELEMENTS) {
    if (!hasElement(xml, name)) problems.push(`required element <${name}> is missing`);
  }

  const id = elementText(xml, 'Id');
  if (id !== null && !GUID.test(id)) problems.push(`Id "${id}" is not a GUID`);
  const version = elementText(xml, 'Version');
  if (version !== null && !VERSION.test(version)) problems.push(`Version "${version}" is not n[.n[.n[.n]]]`);

  if (!/<Host\s+Name="Workbook"\s*\/>/.test(xml)) problems.push('Hosts must contain <Host Name="Workbook"/>');
  if (!/<Host\s+xsi:type="Workbook">/.test(xml)) problems.push('VersionOverrides must describe the Workbook host');
  const permissions = elementText(xml, 'Permissions');
  if (permissions !== null && permissions !== 'ReadWriteDocument') {
    problems.push(`Permissions is "${permissions}", expected ReadWriteDocument`);
  }
  if (!/<ExtensionPoint\s+xsi:type="PrimaryCommandSurface">/.test(xml)) {
    problems.push('no ribbon (PrimaryCommandSurface) extension point');
  }
  if (!/<Action\s+xsi:type="ShowTaskpane">/.test(xml)) problems.push('no button with a ShowTaskpane action');
  problems.push(...orderProblems(xml), ...iconSetProblems(xml), ...stringLengthProblems(xml));

  const ids = resourceIds(xml);
  for (const m of xml.matchAll(/\bresid="([^"]*)"/g)) {
    if (!ids.has(m[1])) problems.push(`resid "${m[1]}" does not resolve to a resource`);
    if (m[1].length > 32) problems.push(`resid "${m[1]}" is longer than 32 characters`);
  }
  const seen = new Set<string>();
  for (const m of xml.matchAll(/<bt:(?:Image|Url|String)\s+[^>]*\bid="([^"]+)"/g)) {
    if (seen.has(m[1])) problems.push(`resource id "${m[1]}" is defined twice`);
    seen.add(m[1]);
  }

  const urls = [
    ...[...xml.matchAll(/<(?:IconUrl|HighResolutionIconUrl|SupportUrl|SourceLocation)\s+DefaultValue="([^"]*)"/g)].map((m) => m[1]),
    ...[...xml.matchAll(/<bt:(?:Image|Url)\s+id="[^"]*"\s+DefaultValue="([^"]*)"/g)].map((m) => m[1]),
    ...[...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1].trim()),
  ];
  if (!urls.length) problems.push('no URLs found');
  for (const url of urls) {
    if (!/^https:\/\/[^\s/]+/.test(url)) problems.push(`URL "${url}" is not https`);
  }
  return problems;
}

/** Top-level elements out of the schema's order (first occurrences; nested ones come later). */
function orderProblems(xml: string): string[] {
  const overrides = xml.search(/<VersionOverrides[\s>]/);
  const top = overrides >= 0 ? xml.slice(0, overrides) : xml;
  const present = SCHEMA_ORDER.map((name) => ({ name, at: name === 'VersionOverrides' ? overrides : top.search(new RegExp(`<${name}[\\s/>]`)) })).filter(
    (e) => e.at >= 0,
  );
  const problems: string[] = [];
  for (let i = 1; i < present.length; i++) {
    if (present[i].at < present[i - 1].at) problems.push(`<${present[i - 1].name}> must come before <${present[i].name}>`);
  }
  return problems;
}

/** Each ribbon <Icon> has the required sizes and the high-DPI ones. */
function iconSetProblems(xml: string): string[] {
  const problems: string[] = [];
  const icons = [...xml.matchAll(/<Icon>([\s\S]*?)<\/Icon>/g)].map((m) => m[1]);
  if (!icons.length) problems.push('the ribbon has no <Icon>');
  for (const icon of icons) {
    const sizes = new Set([...icon.matchAll(/<bt:Image\s+size="(\d+)"/g)].map((m) => Number(m[1])));
    for (const s of REQUIRED_ICON_SIZES) if (!sizes.has(s)) problems.push(`an <Icon> lacks the required ${s}px image`);
    for (const s of HIGH_DPI_ICON_SIZES) if (!sizes.has(s)) problems.push(`an <Icon> lacks the ${s}px image Office uses on high-DPI screens`);
  }
  return [...new Set(problems)];
}

/** Short strings hold at most 125 characters, long strings 250 (defaults and overrides). */
function stringLengthProblems(xml: string): string[] {
  const problems: string[] = [];
  const lists: [string, string, number][] = [
    ['ShortStrings', 'short', 125],
    ['LongStrings', 'long', 250],
  ];
  for (const [list, what, max] of lists) {
    const body = new RegExp(`<bt:${list}>([\\s\\S]*?)</bt:${list}>`).exec(xml)?.[1] ?? '';
    for (const m of body.matchAll(/<bt:String\s+id="([^"]+)"\s+DefaultValue="([^"]*)"[^>]*>([\s\S]*?)<\/bt:String>|<bt:String\s+id="([^"]+)"\s+DefaultValue="([^"]*)"\s*\/>/g)) {
      const id = m[1] ?? m[4];
      const values = [m[2] ?? m[5], ...[...(m[3] ?? '').matchAll(/Value="([^"]*)"/g)].map((o) => o[1])];
      if (values.some((v) => [...v].length > max)) problems.push(`${what} string "${id}" is longer than ${max} characters`);
    }
  }
  return problems;
}

/** Width and height from a PNG's header, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const u32 = (at: number): number => ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
  return { width: u32(16), height: u32(20) };
}

/**
 * The icon files: IconUrl 32×32, HighResolutionIconUrl 64×64, and each ribbon image at the size
 * its <bt:Image size> declares. `read` gives a URL's file (null when it has none).
 */
export function checkManifestIcons(xml: string, read: (url: string) => Uint8Array | null): string[] {
  const problems: string[] = [];
  const check = (what: string, url: string, size: number): void => {
    const bytes = read(url);
    const dims = bytes && pngSize(bytes);
    if (!bytes) problems.push(`${what} (${url}) not found in addin/assets`);
    else if (!dims) problems.push(`${what} (${url}) is not a PNG`);
    else if (dims.width !== size || dims.height !== size) problems.push(`${what} (${url}) is ${dims.width}×${dims.height} px, the manifest says ${size}`);
  };
  const attr = (name: string): string | null => new RegExp(`<${name}\\s+DefaultValue="([^"]*)"`).exec(xml)?.[1] ?? null;
  const icon = attr('IconUrl');
  if (icon) check('IconUrl', icon, 32);
  const high = attr('HighResolutionIconUrl');
  if (high) check('HighResolutionIconUrl', high, 64);
  const sizes = new Map<string, number>();
  for (const m of xml.matchAll(/<bt:Image\s+size="(\d+)"\s+resid="([^"]+)"/g)) {
    const before = sizes.get(m[2]);
    if (before !== undefined && before !== Number(m[1])) problems.push(`image "${m[2]}" is used as ${before}px and ${m[1]}px`);
    sizes.set(m[2], Number(m[1]));
  }
  for (const m of xml.matchAll(/<bt:Image\s+id="([^"]+)"\s+DefaultValue="([^"]*)"/g)) {
    const size = sizes.get(m[1]);
    if (size !== undefined) check(`icon "${m[1]}"`, m[2], size);
  }
  return problems;
}
