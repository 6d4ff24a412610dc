/**
 * Texts of the conversation engine itself: re-asks, back, cancel, expiry, version changes.
 */
import { countOf, catalogue } from './catalogue.js';
import { cmd } from './command-names.js';

export const conversationText = catalogue(
  {
    EMPTY: 'Jawaban masih kosong.',
    TOO_LONG: (p: { max: string; length: string }) =>
      `Jawaban terlalu panjang (${p.length} karakter). Batasnya ${p.max} karakter; ringkas lalu kirim lagi.`,
    NOT_AN_OPTION: (p: { count: number }) =>
      p.count > 0 ? `Pilihan itu tidak ada. Pilih dengan tombol atau ketik nomor 1 sampai ${p.count}.` : 'Tidak ada pilihan yang tersedia.',
    NOT_A_NUMBER: 'Itu bukan angka. Ketik angka saja, misalnya 12 atau 12,5.',
    NOT_A_DATE: 'Tanggalnya tidak terbaca. Ketik misalnya 2026-03-01, 1-3-2026, "hari ini" atau "kemarin".',
    NOT_YES_NO: 'Jawab dengan tombol, atau ketik "ya" atau "tidak".',
    NOT_A_RATING: 'Pilih angka 1 sampai 5.',
    EXPECTED_FILE: 'Kirim berkas atau foto, atau tempel tautan yang diawali http:// atau https://.',
    EXPECTED_TEXT: 'Di langkah ini saya perlu jawaban berupa teks.',
    UNSUPPORTED: 'Saya belum bisa membaca pesan jenis itu. Jawab dengan teks atau tombol.',
    INVALID: 'Jawaban itu tidak bisa dipakai di sini. Periksa lagi, lalu kirim ulang.',
    yes: 'Ya',
    no: 'Tidak',
    skip: 'Lewati',
    all: 'Semua',
    none: 'Tidak ada',
    hintChoice: 'Pilih dengan tombol atau ketik nomornya.',
    hintMulti: 'Ketik nomor-nomornya (misalnya 1, 3), "semua" atau "tidak ada".',
    hintFile: 'Kirim berkas atau foto, atau tempel tautannya.',
    hintOptional: 'Ketik - untuk melewati.',
    cancelled: (p: { title: string }) => `“${p.title}” dibatalkan. Jawaban yang belum selesai tidak disimpan.`,
    nothingToCancel: 'Tidak ada percakapan yang sedang berjalan.',
    nothingToGoBack: 'Tidak ada percakapan yang sedang berjalan, jadi tidak ada langkah untuk diulang.',
    atFirstStep: 'Ini sudah langkah pertama.',
    expired: (p: { title: string; hours: number; command: string }) =>
      `“${p.title}” berakhir karena tidak ada jawaban selama ${p.hours} jam. Jawaban yang belum selesai tidak disimpan. ` +
      `Mulai lagi dengan ${p.command} bila perlu.`,
    versionChanged: (p: { title: string; command: string }) =>
      `“${p.title}” telah diperbarui sejak Anda memulainya, jadi sesi lama diakhiri dengan sopan. Mulai lagi dengan ${p.command}.`,
    busy: (p: { current: string; next: string }) =>
      `Anda sedang mengisi “${p.current}”. Tinggalkan dan mulai “${p.next}”? Jawaban “${p.current}” yang belum selesai akan hilang.`,
    abandon: 'Ya, tinggalkan',
    resume: 'Tidak, lanjutkan',
    staleButton: 'Tombol ini sudah tidak berlaku. Lanjutkan dari pesan terakhir.',
    stepHelp: (p: { title: string }) =>
      `Anda sedang mengisi “${p.title}”. Jawab pertanyaan terakhir, atau ketik ${cmd('kembali')} untuk mengulang langkah sebelumnya, ` +
      `${cmd('batal')} untuk berhenti.`,
  },
  {
    EMPTY: 'The answer is empty.',
    TOO_LONG: (p) => `That answer is too long (${p.length} characters). The limit is ${p.max}; shorten it and send it again.`,
    NOT_AN_OPTION: (p) => (p.count > 0 ? `That is not one of the options. Use a button or type a number from 1 to ${p.count}.` : 'There are no options to choose from.'),
    NOT_A_NUMBER: 'That is not a number. Type just the number, for example 12 or 12.5.',
    NOT_A_DATE: 'I cannot read that date. Type for example 2026-03-01, 1-3-2026, "today" or "yesterday".',
    NOT_YES_NO: 'Answer with a button, or type "yes" or "no".',
    NOT_A_RATING: 'Choose a number from 1 to 5.',
    EXPECTED_FILE: 'Send a file or a photo, or paste a link starting with http:// or https://.',
    EXPECTED_TEXT: 'This step needs a text answer.',
    UNSUPPORTED: 'I cannot read that kind of message yet. Answer with text or a button.',
    INVALID: 'That answer cannot be used here. Check it and send it again.',
    yes: 'Yes',
    no: 'No',
    skip: 'Skip',
    all: 'All',
    none: 'None',
    hintChoice: 'Choose with a button or type its number.',
    hintMulti: 'Type the numbers (for example 1, 3), "all" or "none".',
    hintFile: 'Send a file or a photo, or paste its link.',
    hintOptional: 'Type - to skip.',
    cancelled: (p) => `“${p.title}” cancelled. Unfinished answers were not saved.`,
    nothingToCancel: 'Nothing is in progress.',
    nothingToGoBack: 'Nothing is in progress, so there is no step to go back to.',
    atFirstStep: 'This is already the first step.',
    expired: (p) =>
      `“${p.title}” ended because there was no answer for ${countOf(p.hours, 'hour', 'hours')}. Unfinished answers were not saved. ` +
      `Start again with ${p.command} if needed.`,
    versionChanged: (p) => `“${p.title}” was updated since you started it, so the old session has ended. Start again with ${p.command}.`,
    busy: (p) => `You are in the middle of “${p.current}”. Leave it and start “${p.next}”? The unfinished answers of “${p.current}” will be lost.`,
    abandon: 'Yes, leave it',
    resume: 'No, continue',
    staleButton: 'This button is no longer valid. Continue from the latest message.',
    stepHelp: (p) => `You are filling in “${p.title}”. Answer the last question, or type ${cmd('kembali')} to redo the previous step, ${cmd('batal')} to stop.`,
  },
);
