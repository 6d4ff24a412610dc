import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEvidence, type DescribableEvidence } from '../../../src/attachments/describe.js';
import { linkSecret, LINK_SECRET_FILE } from '../../../src/attachments/link-secret.js';
import { contentDisposition, downloadName } from '../../../src/attachments/routes.js';
import { signEvidenceUrl, verifyEvidenceSignature, verifyEvidenceUrl } from '../../../src/attachments/signed-url.js';

const signer = { baseUrl: 'https://kinerja.example.go.id', secret: 'a-secret-of-at-least-thirty-two-characters' };
const NOW = new Date('2026-12-02T10:00:00Z');
const ID = '019ad000-0000-7000-8000-000000000001';
const inAnHour = new Date(NOW.getTime() + 3_600_000);

describe('signed evidence links', () => {
  it('verifies a link it signed until the moment it expires', () => {
    const url = new URL(signEvidenceUrl(signer, ID, inAnHour));
    expect(url.origin + url.pathname).toBe(`https://kinerja.example.go.id/lampiran/${ID}`);
    expect(verifyEvidenceUrl(signer.secret, url, NOW)).toEqual({ ok: true, evidenceId: ID });
    expect(verifyEvidenceUrl(signer.secret, url, new Date(inAnHour.getTime() - 1000))).toEqual({ ok: true, evidenceId: ID });
    expect(verifyEvidenceUrl(signer.secret, url, inAnHour)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('refuses a link whose expiry, item or signature was changed, or that was signed with another key', () => {
    const url = new URL(signEvidenceUrl(signer, ID, inAnHour));
    const later = new URL(url);
    later.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 86_400));
    expect(verifyEvidenceUrl(signer.secret, later, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const other = new URL(url.href.replace(ID, ID.replace(/1$/, '2')));
    expect(verifyEvidenceUrl(signer.secret, other, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const flipped = new URL(url);
    const sig = url.searchParams.get('sig')!;
    flipped.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    expect(verifyEvidenceUrl(signer.secret, flipped, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyEvidenceUrl('another-secret-of-at-least-thirty-two-chars', url, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    // An expired link that was also tampered with reads as tampered: the signature is checked first.
    expect(verifyEvidenceSignature(signer.secret, ID, '1', sig, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses missing or malformed parameters without throwing', () => {
    expect(verifyEvidenceSignature(signer.secret, ID, null, 'x', NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyEvidenceSignature(signer.secret, ID, '12ab', 'x', NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyEvidenceSignature(signer.secret, ID, '99999999999', null, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyEvidenceUrl(signer.secret, new URL('https://x/lampiran/'), NOW)).toEqual({ ok: false, reason: 'NOT_A_LINK' });
    expect(verifyEvidenceUrl(signer.secret, new URL('https://x/lampiran/%E0%A4%A'), NOW)).toEqual({ ok: false, reason: 'NOT_A_LINK' });
  });

  it('makes a key once under DATA_DIR and reads the same key after a restart; a configured key wins', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dk-link-secret-'));
    try {
      const [first, concurrent] = await Promise.all([linkSecret(undefined, dir), linkSecret(undefined, dir)]);
      expect(first).toHaveLength(43);
      expect(concurrent).toBe(first);
      expect(await linkSecret(undefined, dir)).toBe(first);
      expect((await readFile(join(dir, LINK_SECRET_FILE), 'utf8')).trim()).toBe(first);
      expect((await stat(join(dir, LINK_SECRET_FILE))).mode & 0o077).toBe(0);
      expect(await linkSecret('configured-secret-of-thirty-two-characters', dir)).toBe('configured-secret-of-thirty-two-characters');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('describing evidence for exports and documents', () => {
  const base: DescribableEvidence = { id: ID, kind: 'FILE', url: null, platform: 'TELEGRAM', sizeBytes: 26_214_400, storageStatus: 'PENDING', storageLimitBytes: null };
  const links = { signer, expiresAt: inAnHour };

  it('gives a stored file a signed link, and a link its own address', () => {
    const stored = describeEvidence({ ...base, storageStatus: 'STORED' }, links, 'id');
    expect(stored.note).toBeNull();
    expect(verifyEvidenceUrl(signer.secret, new URL(stored.url!), NOW)).toEqual({ ok: true, evidenceId: ID });
    expect(describeEvidence({ ...base, kind: 'LINK', url: 'https://drive.contoh.go.id/a', platform: null, storageStatus: null }, links, 'id')).toEqual({ url: 'https://drive.contoh.go.id/a', note: null });
  });

  it('says why there is no copy, in the reader’s language, with the platform’s link when there is one', () => {
    expect(describeEvidence({ ...base, storageStatus: 'TOO_LARGE', storageLimitBytes: 20 * 1024 * 1024 }, links, 'id')).toEqual({
      url: null,
      note: 'Berkas (25 MB) melebihi batas unduh 20 MB; disimpan sebagai rujukan di Telegram, tanpa salinan.',
    });
    expect(describeEvidence({ ...base, platform: 'SLACK', url: 'https://x.slack.com/files/U/F1/a.pdf', storageStatus: 'REFUSED' }, links, 'id')).toEqual({
      url: 'https://x.slack.com/files/U/F1/a.pdf',
      note: 'Slack tidak memberikan berkas ini (dihapus atau tanpa akses); hanya rujukannya yang tersimpan.',
    });
    expect(describeEvidence({ ...base, sizeBytes: 1_572_864, storageStatus: 'TOO_LARGE', storageLimitBytes: 1_048_576 }, links, 'id').note).toMatch(/^Berkas \(1,5 MB\) melebihi batas unduh 1 MB;/);
    expect(describeEvidence({ ...base, sizeBytes: 1_572_864, storageStatus: 'TOO_LARGE', storageLimitBytes: 1_048_576 }, links, 'en').note).toMatch(/^The file \(1.5 MB\) is over the download limit of 1 MB;/);
    expect(describeEvidence(base, links, 'en').note).toBe('The file is still being downloaded from Telegram; its reference is kept.');
    expect(describeEvidence({ ...base, storageStatus: 'FAILED' }, links, 'id').note).toMatch(/gagal diunduh dari Telegram/);
    expect(describeEvidence({ ...base, storageStatus: 'BLOCKED' }, links, 'id').note).toMatch(/pemindai virus/);
  });
});

describe('the download’s name', () => {
  it('keeps the sent name, safely quoted, and names a photo sent without one', () => {
    expect(contentDisposition('laporan "akhir".pdf')).toBe(`attachment; filename="laporan _akhir_.pdf"; filename*=UTF-8''laporan%20%22akhir%22.pdf`);
    expect(downloadName(null, ID, 'image/jpeg')).toBe(`bukti-${ID}.jpg`);
    expect(downloadName('a.pdf', ID, 'application/pdf')).toBe('a.pdf');
  });
});
