/** Texts of the Slack channel itself (everything else comes from the shared catalogues). */
import { catalogue } from './catalogue.js';

export const slackText = catalogue(
  {
    answerInDm: 'Jawaban Dialog Kinerja ada di pesan langsung (Direct Message) dari aplikasi Dialog Kinerja.',
    notStored: 'Maaf, perintah Anda belum dapat disimpan karena gangguan sementara. Silakan kirim lagi sebentar lagi.',
    formTitle: 'Dialog Kinerja',
    formNext: 'Lanjut',
    formCancel: 'Batal',
    formAnswer: 'Jawaban Anda',
    formChoose: 'Pilih',
    formChooseMany: 'Pilih satu atau lebih',
    formEmptyIsNone: 'Kosongkan bila tidak ada.',
    formOptional: 'Boleh dikosongkan.',
    formRequired: 'Isi dulu jawabannya.',
  },
  {
    answerInDm: "Dialog Kinerja answers in a direct message from the Dialog Kinerja app.",
    notStored: 'Sorry, your command could not be saved because of a temporary problem. Please send it again in a moment.',
    formTitle: 'Dialog Kinerja',
    formNext: 'Next',
    formCancel: 'Cancel',
    formAnswer: 'Your answer',
    formChoose: 'Choose',
    formChooseMany: 'Choose one or more',
    formEmptyIsNone: 'Leave empty for none.',
    formOptional: 'May be left empty.',
    formRequired: 'Please answer first.',
  },
);
