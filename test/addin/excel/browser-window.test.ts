import { officeBrowserWindow } from '../../../addin/excel/browser-window';

const office = (supported: boolean, open?: (url: string) => void) => ({
  context: { requirements: { isSetSupported: (name: string, version?: string) => supported && name === 'OpenBrowserWindowApi' && version === '1.1' }, ui: { openBrowserWindow: open } },
});

describe('officeBrowserWindow', () => {
  it('is Office’s browser window where OpenBrowserWindowApi 1.1 is supported (Excel on Windows, Mac, iPad)', () => {
    const opened: string[] = [];
    const open = officeBrowserWindow(office(true, (url) => opened.push(url)));
    expect(open).not.toBeNull();
    open!('https://api.example/x');
    expect(opened).toEqual(['https://api.example/x']);
  });

  it('is null on Excel on the web (set not supported), without the method, and outside Office', () => {
    expect(officeBrowserWindow(office(false, () => undefined))).toBeNull();
    expect(officeBrowserWindow(office(true))).toBeNull();
    expect(officeBrowserWindow({})).toBeNull();
    expect(officeBrowserWindow(undefined)).toBeNull();
  });
});
