import type { MemberFields } from '@shared/contract/members.contract';
import { addMonthsIso } from '@shared/domain/dates';
import { addDaysIso } from '@shared/domain/zoned';

/**
 * A deterministic generator of a realistic co-op: members with businesses, what they offer
 * and what they need. The demo co-op uses a few dozen; benchmarks use thousands.
 */

/** Small seeded PRNG (mulberry32): the same seed gives the same co-op every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ana',
  'Ben',
  'Chiara',
  'Dev',
  'Ewa',
  'Femi',
  'Grace',
  'Hamid',
  'Ines',
  'Jonas',
  'Kasia',
  'Liam',
  'Maya',
  'Nico',
  'Olu',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wen',
  'Yusuf',
  'Zoe',
  'Aisha',
  'Bruno',
  'Carmen',
  'Declan',
  'Elif',
  'Farah',
  'Gareth',
  'Hana',
  'Ivan',
  'Jess',
];
const LAST = [
  'Ribeiro',
  'Okafor',
  'Novak',
  'Patel',
  'Lindqvist',
  'Moreau',
  'Hughes',
  'Kowalski',
  'Adeyemi',
  'Schmidt',
  'Rossi',
  'Nakamura',
  'Byrne',
  'Haddad',
  'Jensen',
  'García',
  'Ahmed',
  'Walsh',
  'Chen',
  'Müller',
  'Silva',
  'Evans',
  'Dubois',
  'Kaur',
  'Morgan',
  'Yilmaz',
  'Fischer',
  'Osei',
  'Reid',
];

interface Trade {
  business: (last: string) => string;
  description: string;
  offers: string[];
  needs: string[];
}

const TRADES: Trade[] = [
  {
    business: (l) => `${l} Design`,
    description: 'Brand identity and web design for small businesses.',
    offers: ['web design', 'branding', 'illustration'],
    needs: ['copywriting', 'bookkeeping', 'photography'],
  },
  {
    business: (l) => `${l} Words`,
    description: 'Copywriting, editing and tender writing.',
    offers: ['copywriting', 'tender writing', 'editing'],
    needs: ['web design', 'accounting'],
  },
  {
    business: (l) => `${l} & Co Accountants`,
    description: 'Bookkeeping, payroll and year-end accounts.',
    offers: ['bookkeeping', 'accounting', 'payroll'],
    needs: ['web design', 'marketing'],
  },
  {
    business: (l) => `${l} Photography`,
    description: 'Portraits, product and event photography.',
    offers: ['photography', 'video editing'],
    needs: ['marketing', 'bookkeeping', 'legal advice'],
  },
  {
    business: (l) => `${l} Digital`,
    description: 'Custom software, web apps and automation.',
    offers: ['software development', 'web development', 'it support'],
    needs: ['sales', 'copywriting', 'ux research'],
  },
  {
    business: (l) => `${l} Coaching`,
    description: 'Business and leadership coaching.',
    offers: ['coaching', 'mentoring', 'facilitation'],
    needs: ['web design', 'video editing'],
  },
  {
    business: (l) => `${l} Legal`,
    description: 'Contracts, employment law and co-op governance.',
    offers: ['legal advice', 'contracts', 'governance'],
    needs: ['bookkeeping', 'it support'],
  },
  {
    business: (l) => `${l} Makers`,
    description: 'Prototyping, 3D printing and small-batch manufacturing.',
    offers: ['3d printing', 'prototyping', 'product design'],
    needs: ['marketing', 'photography', 'funding'],
  },
  {
    business: (l) => `${l} Marketing`,
    description: 'Social media, campaigns and marketing strategy.',
    offers: ['marketing', 'social media', 'strategy'],
    needs: ['photography', 'copywriting', 'data analysis'],
  },
  {
    business: (l) => `${l} Research`,
    description: 'User research, surveys and data analysis.',
    offers: ['ux research', 'data analysis', 'surveys'],
    needs: ['web development', 'illustration'],
  },
  {
    business: (l) => `${l} Translations`,
    description: 'Translation and interpreting (EN, DE, PL, PT).',
    offers: ['translation', 'interpreting', 'editing'],
    needs: ['marketing', 'it support'],
  },
  {
    business: (l) => `${l} Events`,
    description: 'Event planning, workshops and community breakfasts.',
    offers: ['event planning', 'facilitation', 'catering contacts'],
    needs: ['photography', 'social media', 'funding'],
  },
  {
    business: (l) => `${l} Bikes`,
    description: 'Cargo-bike deliveries and last-mile logistics.',
    offers: ['delivery', 'logistics'],
    needs: ['software development', 'bookkeeping', 'branding'],
  },
  {
    business: (l) => `${l} Funding`,
    description: 'Grant writing and funding applications.',
    offers: ['funding', 'grant writing', 'tender writing'],
    needs: ['data analysis', 'design'],
  },
];

export interface GenerateOptions {
  count: number;
  /** Newest membership start date (usually today); start dates spread up to six years back. */
  today: string;
  seed?: number;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function someOf(random: () => number, list: readonly string[], min: number): string[] {
  return list.filter((_, i) => i < min || random() < 0.5);
}

export function generateMembers({ count, today, seed = 42 }: GenerateOptions): MemberFields[] {
  const random = seededRandom(seed);
  const members: MemberFields[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const trade = pick(random, TRADES);
    const slug = `${first}.${last}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    const roll = random();
    const phone = `+44 7700 9${String(Math.floor(random() * 100000)).padStart(5, '0')}`;
    const months = Math.floor(random() * 72);
    // spread over the month too, not all on today's day of the month (no draw: the rest stays as it was)
    const since = months === 0 ? today : addDaysIso(addMonthsIso(today, -months), -((i * 7) % 28));
    members.push({
      name: `${first} ${last}`,
      email: `${slug}${count > 40 ? `.${i + 1}` : ''}@example.coop`,
      phone,
      businessName: trade.business(last),
      businessDescription: trade.description,
      website: `https://${slug.replace('.', '-')}.example.coop`,
      memberSince: since,
      // nobody left in their first three months (a member who joined today and left reads as a bug)
      status: roll < 0.85 || months < 3 ? 'active' : roll < 0.93 ? 'paused' : 'left',
      role: i === 0 ? 'manager' : i < 4 ? 'guardian' : 'member',
      offers: someOf(random, trade.offers, 1),
      needs: someOf(random, trade.needs, 1),
      notes: '',
      // Two in three share their contact details with other members (not from the random stream, so the rest stays as it was).
      shareContact: i % 3 !== 0,
      // and four in five are listed in the members' directory
      listed: i % 5 !== 4,
    });
  }
  return dedupeNames(members);
}

/** Two "Ana Ribeiro"s in a small demo would look like a bug; give the second a middle initial. */
function dedupeNames(members: MemberFields[]): MemberFields[] {
  const seen = new Map<string, number>();
  return members.map((m) => {
    const n = (seen.get(m.name) ?? 0) + 1;
    seen.set(m.name, n);
    if (n === 1) return m;
    const [first, ...rest] = m.name.split(' ');
    const initial = String.fromCharCode(64 + n);
    const email = m.email.replace('@', `.${initial.toLowerCase()}@`);
    return { ...m, name: `${first} ${initial}. ${rest.join(' ')}`, email };
  });
}

export { insertChunked } from '../db/chunks';
