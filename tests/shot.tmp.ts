import { chromium } from '@playwright/test';
const [,, url, out, w, h, scheme] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, colorScheme: (scheme as 'light'|'dark') ?? 'light' });
await page.goto(url!); await page.waitForTimeout(500);
await page.screenshot({ path: out!, fullPage: false });
await browser.close();
