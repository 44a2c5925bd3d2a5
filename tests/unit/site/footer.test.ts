/**
 * The footer's site information (content/site.yaml): every setting is optional, each one given is shown, the
 * filings link to the registers they were filed with, and a setting that is wrong is a content problem in
 * Chinese.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { footerLines, governmentMark } from '../../../site/lib/footer.ts';
import { readContent } from '../../../site/lib/content-source.ts';
import { formatProblem, MIIT_FILING_URL, mpsFilingUrl, type SiteSettings } from '../../../domain/content/index.ts';
import { contentError as msg, footer } from '../../../domain/labels/zh-CN.ts';
import { urls } from '../../../domain/urls.ts';
import { writeContent } from '../../helpers/content-fixture.ts';

const full: SiteSettings = {
  host: '示例市人民政府督查室',
  organizer: '示例市政务服务数据管理局',
  contact: { phone: '0000-81230000', email: 'ducha@example.org', address: '示例市人民路 1 号' },
  websiteCode: '0000000001',
  icp: '京ICP备00000000号-1',
  police: '京公网安备00000000000001号',
  governmentMark: { image: 'attachments/site/mark.png', href: 'https://bszs.conac.cn/sitename?method=show&id=0' },
};

const problemsOf = (settings: unknown, files: Record<string, string> = {}) => {
  const dir = writeContent({ files: { 'site.yaml': yaml.dump(settings), ...files } });
  return readContent(dir, path.dirname(dir)).problems.map(formatProblem);
};

describe('the footer', () => {
  it('shows every setting that is given, in the order government sites list them', () => {
    const parts = footerLines(full).flat();
    expect(parts.map((p) => p.text)).toEqual([full.host, full.organizer, full.contact!.phone, full.contact!.email, full.contact!.address, full.websiteCode, full.icp, full.police]);
    expect(parts.filter((p) => p.label).map((p) => p.label)).toEqual([footer.host, footer.organizer, footer.phone, footer.email, footer.address, footer.websiteCode]);
  });

  it('links the ICP number to the MIIT filing system', () => {
    expect(footerLines(full).flat().find((p) => p.text === full.icp)?.href).toBe(MIIT_FILING_URL);
  });

  it("links the public-security number to the MPS filing system's record of it", () => {
    expect(footerLines(full).flat().find((p) => p.text === full.police)?.href).toBe(mpsFilingUrl('00000000000001'));
  });

  it('shows the 党政机关网站标识 from the attachments, linked to its verification page', () => {
    expect(governmentMark(full)).toEqual({ src: urls.attachment(full.governmentMark!.image), href: full.governmentMark!.href, alt: footer.governmentMark });
  });

  it('shows nothing for settings left out', () => {
    expect(footerLines({})).toEqual([]);
    expect(footerLines({ host: full.host })).toEqual([[{ label: footer.host, text: full.host }]]);
    expect(governmentMark({})).toBeUndefined();
  });
});

describe('content/site.yaml', () => {
  it('accepts every setting, and none', () => {
    expect(problemsOf(full, { 'attachments/site/mark.png': 'png' })).toEqual([]);
    expect(problemsOf({})).toEqual([]);
  });

  it.each([
    [{ icp: 'ICP备00000000号' }, `content/site.yaml: icp ${msg.icp}`],
    [{ police: '京公网安备123号' }, `content/site.yaml: police ${msg.police}`],
    [{ websiteCode: '12345' }, `content/site.yaml: websiteCode ${msg.websiteCode}`],
    [{ contact: { email: 'not an address' } }, `content/site.yaml: contact.email ${msg.email}`],
    [{ governmentMark: { image: 'attachments/site/mark.png', href: 'http://bszs.conac.cn/' } }, `content/site.yaml: governmentMark.href ${msg.httpsUrl}`],
    [{ hots: '示例市' }, `content/site.yaml: ${msg.unknownField('hots')}`],
  ])('refuses %o with a message in Chinese', (settings, expected) => {
    expect(problemsOf(settings, { 'attachments/site/mark.png': 'png' })).toEqual([expected]);
  });

  it('refuses a 党政机关网站标识 whose image is missing', () => {
    expect(problemsOf({ governmentMark: full.governmentMark })).toEqual([`content/site.yaml: governmentMark.image ${msg.missingFile('content/attachments/site/mark.png')}`]);
  });
});
