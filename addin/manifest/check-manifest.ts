/**
 * Offline checks of an XML add-in manifest, by regular expressions over the text (the manifest
 * is small, machine-like XML; no XML parser dependency). Returns the problems found, in English
 * (a developer tool).
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

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
  for (const size of ['16', '32', '80']) {
    if (!new RegExp(`<bt:Image\\s+size="${size}"`).test(xml)) problems.push(`the ribbon lacks a ${size}px icon`);
  }

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
