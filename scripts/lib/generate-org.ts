/**
 * Generates a realistic organisation file of any size: an agency head, offices (OPD) each
 * with a secretariat and divisions, sections below them and staff below those, with fake
 * Indonesian names and NIPs that have the real structure (birth date, appointment month,
 * sex, sequence).
 */
import { toCsv } from '../../src/files/csv-write.js';

const GIVEN = ['Agus', 'Budi', 'Dewi', 'Siti', 'Rina', 'Hendra', 'Yulia', 'Ahmad', 'Nur', 'Fajar', 'Wulan', 'Rizky', 'Dimas', 'Lina', 'Made', 'Ketut', 'Andi', 'Yohanes', 'Maria', 'Putu', 'Eko', 'Sri', 'Bambang', 'Indah', 'Teguh', 'Ratna', 'Joko', 'Ayu', 'Arif', 'Fitri'];
const FAMILY = ['Santoso', 'Rahmawati', 'Setiawan', 'Lestari', 'Marlina', 'Wijaya', 'Kartika', 'Fauzi', 'Aini', 'Nugroho', 'Sari', 'Pratama', 'Saputra', 'Wirawan', 'Ariani', 'Mappasomba', 'Tabuni', 'Kogoya', 'Hidayat', 'Susanto', 'Purnomo', 'Handayani', 'Kurniawan', 'Wahyuni', 'Siregar', 'Nasution', 'Simanjuntak', 'Pohan', 'Tanjung', 'Hutapea'];
const OFFICES = ['Pendidikan', 'Kesehatan', 'Pekerjaan Umum', 'Perhubungan', 'Sosial', 'Pertanian', 'Kelautan dan Perikanan', 'Pariwisata', 'Komunikasi dan Informatika', 'Lingkungan Hidup', 'Perindustrian dan Perdagangan', 'Koperasi dan UKM', 'Tenaga Kerja', 'Kependudukan', 'Perumahan', 'Energi dan Sumber Daya Mineral', 'Kehutanan', 'Pemuda dan Olahraga', 'Perpustakaan', 'Penanaman Modal'];
const ZONES = ['WIB', 'WIB', 'WIB', 'WITA', 'WIT'];

/** A small deterministic random generator, so the same size always gives the same file. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** CSV text of an organisation with exactly `size` employees. */
export function generateOrganisationCsv(size: number, seed = 42): string {
  const random = seeded(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const two = (n: number) => String(n).padStart(2, '0');
  // NIP: birth date (8) + appointment year and month (6) + sex (1) + sequence (3).
  const nip = (female: boolean) => {
    const birth = `${1965 + Math.floor(random() * 35)}${two(1 + Math.floor(random() * 12))}${two(1 + Math.floor(random() * 28))}`;
    const appointed = `${1990 + Math.floor(random() * 34)}${two(1 + Math.floor(random() * 12))}`;
    return `${birth}${appointed}${female ? 2 : 1}${String(1 + Math.floor(random() * 999)).padStart(3, '0')}`;
  };
  const rows: string[][] = [];
  const used = new Set<string>();
  const add = (position: string, type: string, unit: string, parent: string, supervisor: string, zone: string): string => {
    let id = nip(random() < 0.5);
    while (used.has(id)) id = nip(random() < 0.5);
    used.add(id);
    const name = `${pick(GIVEN)} ${pick(FAMILY)}`;
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}.${rows.length}@contoh.go.id`;
    rows.push([id, name, position, type, random() < 0.15 ? 'PPPK' : 'PNS', unit, parent, supervisor, email, zone, '']);
    return id;
  };

  const root = 'Pemerintah Provinsi Contoh';
  const head = add('Sekretaris Daerah', 'JPT Madya', root, '', '', 'WIB');
  const units: { name: string; leader: string; zone: string }[] = [];
  let office = 0;
  while (rows.length < size) {
    const officeName = `Dinas ${OFFICES[office % OFFICES.length]}${office >= OFFICES.length ? ` ${Math.floor(office / OFFICES.length) + 1}` : ''}`;
    const zone = pick(ZONES);
    const officeHead = add(`Kepala ${officeName}`, 'JPT Pratama', officeName, root, head, zone);
    for (const division of ['Sekretariat', 'Bidang Perencanaan', 'Bidang Pelayanan', 'Bidang Pengembangan', 'Bidang Pengawasan']) {
      if (rows.length >= size) break;
      const divisionName = `${division} ${officeName}`;
      const divisionHead = add(`Kepala ${division}`, 'Administrator', divisionName, officeName, officeHead, zone);
      for (let s = 1; s <= 3 && rows.length < size; s++) {
        const sectionName = `Seksi ${s} ${divisionName}`;
        units.push({ name: sectionName, leader: add(`Kepala Seksi ${s}`, 'Pengawas', sectionName, divisionName, divisionHead, zone), zone });
      }
    }
    // Staff fill the sections of this office until the office has about 2,500 people.
    const officeEnd = Math.min(size, rows.length + 2_400);
    const officeUnits = units.slice(-15);
    while (rows.length < officeEnd && officeUnits.length > 0) {
      const section = pick(officeUnits);
      const functional = random() < 0.3;
      add(functional ? 'Analis Kebijakan Ahli Muda' : 'Pengadministrasi Umum', functional ? 'Fungsional Ahli Muda' : 'Pelaksana', section.name, section.name.replace(/^Seksi \d+ /, ''), section.leader, section.zone);
    }
    office++;
  }
  const header = ['nip', 'nama', 'jabatan', 'jenis_jabatan', 'status', 'unit', 'unit_induk', 'nip_atasan', 'email', 'zona_waktu', 'telegram'];
  return toCsv(header, rows.slice(0, size));
}
