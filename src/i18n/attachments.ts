/** Texts about evidence files kept by the bot: notes beside an item in exports and documents, and the link page's refusals. */
import { catalogue } from './catalogue.js';

type Where = { platform: string };

export const attachmentText = catalogue(
  {
    pending: ({ platform }: Where) => `Berkas masih diunduh dari ${platform}; rujukannya tersimpan.`,
    tooLarge: ({ platform, size, limit }: Where & { size: string | null; limit: string }) =>
      `Berkas${size ? ` (${size})` : ''} melebihi batas unduh ${limit}; disimpan sebagai rujukan di ${platform}, tanpa salinan.`,
    refused: ({ platform }: Where) => `${platform} tidak memberikan berkas ini (dihapus atau tanpa akses); hanya rujukannya yang tersimpan.`,
    failed: ({ platform }: Where) => `Berkas gagal diunduh dari ${platform}; hanya rujukannya yang tersimpan.`,
    blocked: 'Berkas ditolak pemindai virus dan tidak disimpan.',
    onPlatformOnly: ({ platform }: Where) => `Berkas tersimpan di ${platform} saja.`,
    linkExpired: 'Tautan bukti dukung ini sudah kedaluwarsa. Mintalah ekspor atau dokumen yang baru.',
    linkInvalid: 'Tautan bukti dukung ini tidak sah.',
    notFound: 'Bukti dukung ini tidak ada atau belum tersimpan.',
  },
  {
    pending: ({ platform }: Where) => `The file is still being downloaded from ${platform}; its reference is kept.`,
    tooLarge: ({ platform, size, limit }: Where & { size: string | null; limit: string }) =>
      `The file${size ? ` (${size})` : ''} is over the download limit of ${limit}; kept as a reference on ${platform}, without a copy.`,
    refused: ({ platform }: Where) => `${platform} would not give this file (deleted or no access); only its reference is kept.`,
    failed: ({ platform }: Where) => `The file could not be downloaded from ${platform}; only its reference is kept.`,
    blocked: 'The file was rejected by the virus scanner and not stored.',
    onPlatformOnly: ({ platform }: Where) => `The file is kept on ${platform} only.`,
    linkExpired: 'This evidence link has expired. Ask for a new export or document.',
    linkInvalid: 'This evidence link is not valid.',
    notFound: 'This evidence does not exist or is not stored yet.',
  },
);
