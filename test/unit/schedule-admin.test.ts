/** What HR may type for a check-in schedule, and what settings are refused. */
import { describe, expect, it } from 'vitest';
import { describeSchedule, parseQuestions, parseTimeOfDay, parseWeekday, settingsProblem } from '../../src/checkins/schedule-admin.js';
import { DEFAULT_SCHEDULE, settingsOf } from '../../src/checkins/schedules.js';

describe('parsing what HR types', () => {
  it('reads days in both languages and as ISO numbers', () => {
    expect(['Senin', 'jumat', "Jum'at", 'Minggu', 'ahad', 'friday', '5', '7'].map(parseWeekday)).toEqual([1, 5, 5, 7, 7, 5, 5, 7]);
    expect(['0', '8', 'besok', ''].map(parseWeekday)).toEqual([null, null, null, null]);
  });

  it('reads times with a colon or a dot, or a bare hour', () => {
    expect(['14:00', '14.00', '9.30', '7', '23:59'].map(parseTimeOfDay)).toEqual([840, 840, 570, 420, 1439]);
    expect(['24:00', '12:60', '2 siang', '1400'].map(parseTimeOfDay)).toEqual([null, null, null, null]);
  });

  it('reads optional questions in either language, in the order asked, "-" for progress only', () => {
    expect(parseQuestions('suasana, kendala')).toEqual(['obstacle', 'mood']);
    expect(parseQuestions('support mood')).toEqual(['support', 'mood']);
    expect(parseQuestions('-')).toEqual([]);
    expect(parseQuestions('kendala,cuaca')).toBeNull();
    expect(parseQuestions('')).toBeNull();
  });
});

describe('schedule rules', () => {
  const base = DEFAULT_SCHEDULE;
  it('closes a check-in before the next week’s opens', () => {
    expect(settingsProblem({ ...base, deadlineHours: 167 }, 'id')).toBeNull();
    expect(settingsProblem({ ...base, deadlineHours: 168 }, 'id')).toMatch(/1 dan 167 jam/);
    expect(settingsProblem({ ...base, deadlineHours: 0 }, 'id')).toMatch(/1 dan 167 jam/);
  });

  it('reminds before the deadline, at least an hour in', () => {
    expect(settingsProblem({ ...base, reminderAfterHours: 71 }, 'id')).toBeNull();
    expect(settingsProblem({ ...base, reminderAfterHours: 72 }, 'id')).toMatch(/lebih awal dari batas waktu/);
    expect(settingsProblem({ ...base, reminderAfterHours: 0 }, 'en')).toMatch(/earlier than the deadline/);
    expect(settingsProblem({ ...base, reminderAfterHours: 1.5 }, 'id')).toMatch(/Pengingat/);
  });

  it('escalates after 0 (never) to 12 missed weeks', () => {
    expect(settingsProblem({ ...base, escalateAfterMissed: 0 }, 'id')).toBeNull();
    expect(settingsProblem({ ...base, escalateAfterMissed: 13 }, 'id')).toMatch(/0 \(tidak pernah\) sampai 12/);
  });

  it('asks every question when a stored list is missing or unreadable', () => {
    const row = { weekday: 5, minuteOfDay: 840, reminderAfterHours: 24, deadlineHours: 72, escalateAfterMissed: 2 };
    expect(settingsOf({ ...row, questions: null }).questions).toEqual(['obstacle', 'support', 'mood']);
    expect(settingsOf({ ...row, questions: ['mood', 'nonsense', 'obstacle'] }).questions).toEqual(['obstacle', 'mood']);
    expect(settingsOf({ ...row, questions: [] }).questions).toEqual([]);
  });

  it('describes a schedule in words', () => {
    expect(describeSchedule({ ...base, questions: [] }, 'id')).toBe(
      'Jumat pukul 14.00; pengingat setelah 24 jam; ditutup setelah 72 jam; atasan diberi tahu setelah 2 minggu terlewat berturut-turut; pertanyaan: progres',
    );
    expect(describeSchedule({ ...base, weekday: 1, minuteOfDay: 450, escalateAfterMissed: 0 }, 'en')).toMatch(/^Monday at 07:30; .*the supervisor is not told about missed weeks; questions: progress, obstacles, support needed, mood$/);
  });
});
