/**
 * The production manifest: the development manifest (manifest.xml, every URL under
 * https://localhost:3000) with every URL moved under the address that serves dist/addin, the
 * AppDomain set to that address's origin and the SupportUrl to the given page (default: the
 * pane). `npm run manifest -- --base https://…` writes it (scripts/manifest.ts).
 */
export const DEV_BASE = 'https://localhost:3000';

/** `base` as an https address with no query, fragment or trailing slash; throws with what is wrong. */
export function productionBase(base: string): URL {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`--base "${base}" is not an address (expected https://…)`);
  }
  if (url.protocol !== 'https:') throw new Error(`--base "${base}" must be https (Office loads add-ins only over https)`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`--base "${base}" must have no query, fragment or credentials`);
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') throw new Error(`--base "${base}" is this machine; manifest.xml already serves it`);
  return url;
}

export function productionManifest(devXml: string, base: string, options: { supportUrl?: string } = {}): string {
  const url = productionBase(base);
  const root = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  let xml = devXml.split(DEV_BASE).join(root);
  xml = xml.replace(/<AppDomains>[\s\S]*?<\/AppDomains>/, `<AppDomains>\n    <AppDomain>${url.origin}</AppDomain>\n  </AppDomains>`);
  if (options.supportUrl !== undefined) {
    const support = URL.canParse(options.supportUrl) ? new URL(options.supportUrl) : null;
    if (support?.protocol !== 'https:') throw new Error(`--support "${options.supportUrl}" must be an https address`);
    xml = xml.replace(/<SupportUrl DefaultValue="[^"]*"\/>/, `<SupportUrl DefaultValue="${support.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`);
  }
  xml = xml.replace(/<!--[\s\S]*?-->/, (comment) =>
    comment.includes('For a deployment') ? `<!-- The 1+2 tracker, production manifest for ${root} (written by npm run manifest from manifest.xml). -->` : comment,
  );
  return xml;
}
