import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** The system's Chromium (Debian's `chromium` package); playwright-core drives it and downloads none. */
export const CHROMIUM = process.env.COFIN_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests skip, or undefined when they run. */
export const NO_BROWSER = existsSync(CHROMIUM)
  ? undefined
  : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set COFIN_CHROMIUM): the browser tests of the HTML report are skipped`;

/** Headless, offline in all but name: no sandbox (containers), no GPU, nothing fetched in the background. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A4's text width in CSS px (210 mm less the report's 15 mm margins, at 96 px an inch): the print layout's width. */
export const A4_TEXT_WIDTH = Math.floor(((210 - 30) / 25.4) * 96);

/** The pages of a PDF that Chromium wrote: its page objects, and each one's size in points. */
export function pdfPages(pdf: Buffer): { count: number; sizes: string[] } {
  const text = pdf.toString('latin1');
  const count = text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
  );
  return { count, sizes };
}
