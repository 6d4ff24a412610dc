/** Texts of `official set | delegate | list | remove` and of the PPK lines in /saya. */
import { catalogue } from './catalogue.js';

type Named = { employee: string; official: string };

export const officialText = catalogue(
  {
    usage:
      'Pemakaian: official set --nip <NIP pegawai> --role ppk|atasan|keduanya --name "Nama" --title "Jabatan" [--official-nip <NIP>]; ' +
      'official delegate --nip <NIP pegawai> --to <NIP pejabat>; official remove --nip <NIP pegawai> --role ppk|atasan|keduanya|delegasi; official list',
    badRole: 'ppk | atasan | keduanya (untuk set); ppk | atasan | keduanya | delegasi (untuk remove)',
    nameAndTitle: 'Sebutkan --name (nama pejabat) dan --title (jabatannya, mis. "Gubernur Jawa Tengah").',
    badOfficialNip: (p: { value: string }) => `NIP pejabat "${p.value}" harus 18 angka (kosongkan bila pejabat tidak ber-NIP).`,
    roleppk: 'Pejabat Penilai Kinerja',
    roleatasan: 'Atasan Pejabat Penilai Kinerja',
    rolekeduanya: 'Pejabat Penilai Kinerja dan Atasan Pejabat Penilai Kinerja',
    roledelegasi: 'pendelegasian kewenangan Pejabat Penilai Kinerja',
    set: (p: Named & { role: string }) => `${p.official} dicatat sebagai ${p.role} bagi ${p.employee}.`,
    delegated: (p: Named) => `Kewenangan Pejabat Penilai Kinerja bagi ${p.employee} didelegasikan kepada ${p.official}.`,
    delegateSelf: (p: { employee: string }) => `${p.employee} tidak dapat menjadi Pejabat Penilai Kinerja bagi dirinya sendiri.`,
    delegateInactive: (p: { official: string }) => `${p.official} tidak aktif dan tidak dapat menerima pendelegasian.`,
    delegateCycle: (p: Named) => `${p.official} berada di bawah ${p.employee}; pendelegasian ini membuat keduanya saling menilai. Tidak dicatat.`,
    delegateMutual: (p: Named) => `Kewenangan Pejabat Penilai Kinerja bagi ${p.official} sudah didelegasikan kepada ${p.employee}; keduanya akan saling menilai. Tidak dicatat.`,
    removed: (p: { employee: string; role: string }) => `${p.role} bagi ${p.employee} dihapus.`,
    nothingToRemove: (p: { employee: string; role: string }) => `${p.employee} tidak memiliki ${p.role} yang tercatat; tidak ada yang diubah.`,
    none: 'Belum ada pejabat di luar bot atau pendelegasian yang tercatat.',
    lineExternal: (p: { employee: string; role: string; official: string }) => `• ${p.employee}: ${p.role} – ${p.official}`,
    lineDelegated: (p: Named) => `• ${p.employee}: Pejabat Penilai Kinerja (pendelegasian) – ${p.official}`,
    officialName: (p: { name: string; title: string; nip: string | null }) => `${p.name}, ${p.title}${p.nip ? ` (NIP ${p.nip})` : ''}`,
  },
  {
    usage:
      'Usage: official set --nip <employee NIP> --role ppk|atasan|keduanya --name "Name" --title "Office" [--official-nip <NIP>]; ' +
      'official delegate --nip <employee NIP> --to <official NIP>; official remove --nip <employee NIP> --role ppk|atasan|keduanya|delegasi; official list',
    badRole: 'ppk | atasan | keduanya (for set); ppk | atasan | keduanya | delegasi (for remove)',
    nameAndTitle: 'Give --name (the official\'s name) and --title (their office, e.g. "Gubernur Jawa Tengah").',
    badOfficialNip: (p) => `The official's NIP "${p.value}" must be 18 digits (leave it out when they have none).`,
    roleppk: 'rater (Pejabat Penilai Kinerja)',
    roleatasan: "rater's superior (Atasan Pejabat Penilai Kinerja)",
    rolekeduanya: 'rater and rater\'s superior (Pejabat Penilai Kinerja and Atasan Pejabat Penilai Kinerja)',
    roledelegasi: "delegation of the rater's authority",
    set: (p) => `${p.official} recorded as ${p.role} of ${p.employee}.`,
    delegated: (p) => `The rater's authority for ${p.employee} is delegated to ${p.official}.`,
    delegateSelf: (p) => `${p.employee} cannot be their own rater.`,
    delegateInactive: (p) => `${p.official} is inactive and cannot receive a delegation.`,
    delegateCycle: (p) => `${p.official} is below ${p.employee}; the delegation would make them rate each other. Not recorded.`,
    delegateMutual: (p) => `The rater's authority for ${p.official} is already delegated to ${p.employee}; they would rate each other. Not recorded.`,
    removed: (p) => `${p.role} of ${p.employee} removed.`,
    nothingToRemove: (p) => `${p.employee} has no ${p.role} recorded; nothing changed.`,
    none: 'No officials outside the bot or delegations are recorded.',
    lineExternal: (p) => `• ${p.employee}: ${p.role} – ${p.official}`,
    lineDelegated: (p) => `• ${p.employee}: rater (delegated) – ${p.official}`,
    officialName: (p) => `${p.name}, ${p.title}${p.nip ? ` (NIP ${p.nip})` : ''}`,
  },
);
