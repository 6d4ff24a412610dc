/** Texts of the console channel (the bot in a terminal). */
import { catalogue } from './catalogue.js';

export const consoleText = catalogue(
  {
    banner: (p: { who: string }) =>
      [
        'Dialog Kinerja – konsol. Anda bicara dengan bot seperti di Telegram.',
        `Anda sekarang: ${p.who}. Ganti orang dengan /as <nama atau NIP>; /orang menampilkan daftar orang.`,
        'Tombol dipilih dengan mengetik hurufnya (a, b, …). /bantuan menampilkan perintah. Ctrl+C untuk berhenti.',
      ].join('\n'),
    nobody: '(belum dipilih)',
    chooseFirst: 'Pilih dulu siapa Anda: /as <nama atau NIP>. /orang menampilkan daftar orang.',
    nobodyMatches: (p: { query: string }) => `Tidak ada pegawai aktif yang cocok dengan “${p.query}”. /orang menampilkan daftar.`,
    severalMatch: (p: { names: string }) => `Beberapa orang cocok: ${p.names}. Tulis nama lebih lengkap.`,
    nowYouAre: (p: { name: string }) => `Sekarang Anda adalah ${p.name}.`,
    peopleHeading: 'Orang di database:',
    reportsTo: 'atasan:',
    botSays: 'Bot:',
    toSomeoneElse: (p: { name: string }) => `→ pesan untuk ${p.name} (ganti dengan /as ${p.name}):`,
    image: (p: { name: string; kb: number }) => `gambar ${p.name}, ${p.kb} KB – terlihat di Telegram`,
    document: (p: { name: string; kb: number }) => `berkas ${p.name}, ${p.kb} KB – terlihat di Telegram`,
    documentSaved: (p: { name: string; kb: number; path: string }) => `berkas ${p.name}, ${p.kb} KB – disimpan di ${p.path}`,
  },
  {
    banner: (p) =>
      [
        'Dialog Kinerja – console. You talk to the bot as you would on Telegram.',
        `You are now: ${p.who}. Switch person with /as <name or NIP>; /orang lists people.`,
        'Press a button by typing its letter (a, b, …). /bantuan shows the commands. Ctrl+C stops.',
      ].join('\n'),
    nobody: '(nobody yet)',
    chooseFirst: 'First choose who you are: /as <name or NIP>. /orang lists people.',
    nobodyMatches: (p) => `No active employee matches “${p.query}”. /orang lists them.`,
    severalMatch: (p) => `Several people match: ${p.names}. Write a fuller name.`,
    nowYouAre: (p) => `You are now ${p.name}.`,
    peopleHeading: 'People in the database:',
    reportsTo: 'reports to',
    botSays: 'Bot:',
    toSomeoneElse: (p) => `→ message for ${p.name} (switch with /as ${p.name}):`,
    image: (p) => `picture ${p.name}, ${p.kb} KB – visible on Telegram`,
    document: (p) => `file ${p.name}, ${p.kb} KB – visible on Telegram`,
    documentSaved: (p) => `file ${p.name}, ${p.kb} KB – saved to ${p.path}`,
  },
);
