/** Texts of the Slack channel itself (everything else comes from the shared catalogues). */
import { catalogue } from './catalogue.js';

export const slackText = catalogue(
  {
    answerInDm: 'Jawaban Dialog Kinerja ada di pesan langsung (Direct Message) dari aplikasi Dialog Kinerja.',
  },
  {
    answerInDm: "Dialog Kinerja answers in a direct message from the Dialog Kinerja app.",
  },
);
