/**
 * The footer's site information from content/site.yaml, in the order government sites show it: who hosts and
 * runs the site, how to reach them, then the site's code and filings, each filing linked to the register it
 * was filed with. Only what the settings give is shown.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { MIIT_FILING_URL, mpsFilingUrl, policeCode, type SiteSettings } from '../../domain/content/site.ts';
import { footer as t } from '../../domain/labels/zh-CN.ts';
import { urls } from '../../domain/urls.ts';

/** One piece of the footer: `label：text`, linked when `href` is set. */
export interface FooterPart {
  readonly label?: string;
  readonly text: string;
  readonly href?: string;
}

/** The footer's lines (organisations, contact, filings); empty lines are left out. */
export function footerLines(s: SiteSettings): FooterPart[][] {
  /** `part` when `value` is given. */
  const given = (value: string | undefined, part: (v: string) => FooterPart): FooterPart[] => (value ? [part(value)] : []);
  const lines: FooterPart[][] = [
    [...given(s.host, (v) => ({ label: t.host, text: v })), ...given(s.organizer, (v) => ({ label: t.organizer, text: v }))],
    [
      ...given(s.contact?.phone, (v) => ({ label: t.phone, text: v, href: `tel:${v}` })),
      ...given(s.contact?.email, (v) => ({ label: t.email, text: v, href: `mailto:${v}` })),
      ...given(s.contact?.address, (v) => ({ label: t.address, text: v })),
    ],
    [
      ...given(s.websiteCode, (v) => ({ label: t.websiteCode, text: v })),
      ...given(s.icp, (v) => ({ text: v, href: MIIT_FILING_URL })),
      ...given(s.police, (v) => ({ text: v, href: mpsFilingUrl(policeCode(v)) })),
    ],
  ];
  return lines.filter((line) => line.length > 0);
}

/** The 党政机关网站标识, when the site has one: its image (published with the attachments) and link. */
export function governmentMark(s: SiteSettings): { src: string; href: string; alt: string } | undefined {
  return s.governmentMark && { src: urls.attachment(s.governmentMark.image), href: s.governmentMark.href, alt: t.governmentMark };
}
