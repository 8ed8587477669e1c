/**
 * Deterministic benchmark data: user documents (~300 B as JSON) and orders that reference them. Each
 * document draws from its own seeded generator, so `userAt(i)` and `emailOf(i)` need no other
 * document and a lookup workload can name emails without keeping the data set alive.
 */
import { createRandom } from 'memgoose/testing/random'

export { createRandom }

/** A benchmark user: the shape every system stores. */
export interface UserDoc {
  name: string
  email: string
  age: number
  city: string
  tags: string[]
  createdAt: Date
  profile: { bio: string; score: number }
}

/** A benchmark order; `userEmail` joins to `UserDoc.email`. */
export interface OrderDoc {
  userEmail: string
  amount: number
  items: number
  placedAt: Date
}

/** The default seed of every generated data set. */
export const DEFAULT_SEED = 20_250_601

/** The bounds of the non-indexed range query: `profile.score` is uniform on [0, 100), so ~17%. */
export const SCORE_RANGE = { min: 40, max: 57 } as const

/** The cities users live in (≈ 20, so a `$group` by city yields 20 groups). */
export const CITIES: readonly string[] = [
  'Amsterdam',
  'Athens',
  'Berlin',
  'Bogotá',
  'Boston',
  'Cairo',
  'Dublin',
  'Helsinki',
  'Istanbul',
  'Lagos',
  'Lima',
  'Lisbon',
  'London',
  'Madrid',
  'Mumbai',
  'Nairobi',
  'Oslo',
  'Paris',
  'Seoul',
  'Tokyo',
]

const FIRST = [
  'Ada',
  'Alan',
  'Amara',
  'Bruno',
  'Chen',
  'Dana',
  'Elif',
  'Farah',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kenji',
  'Lena',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Vera',
  'Yusuf',
]
const LAST = [
  'Adams',
  'Bakker',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hansen',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Müller',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Silva',
  'Tanaka',
]
const TAGS = [
  'admin',
  'beta',
  'books',
  'cinema',
  'cooking',
  'cycling',
  'design',
  'gaming',
  'hiking',
  'music',
  'news',
  'photo',
  'premium',
  'running',
  'science',
  'sports',
  'tech',
  'travel',
  'vip',
  'yoga',
]
const WORDS = [
  'building',
  'coffee',
  'curious',
  'data',
  'engineer',
  'friendly',
  'garden',
  'loves',
  'mountains',
  'open',
  'people',
  'quiet',
  'reads',
  'source',
  'team',
  'things',
  'weekend',
  'writer',
  'works',
  'with',
]
const EPOCH = Date.UTC(2020, 0, 1)
const SPAN = 5 * 365 * 24 * 3600 * 1000

// Mixes the data-set seed with a document number so each document has an independent stream.
function streamSeed(seed: number, i: number, salt: number): number {
  let h = Math.imul(seed ^ salt, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  return (h ^ (h >>> 15)) >>> 0
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]
}

/** The i-th user of the data set `seed`; unique email (it contains `i`). */
export function userAt(i: number, seed = DEFAULT_SEED): UserDoc {
  const random = createRandom(streamSeed(seed, i, 0x75736572))
  const first = pick(random, FIRST)
  const last = pick(random, LAST)
  const tags: string[] = []
  const tagCount = 1 + Math.floor(random() * 4)
  for (let t = 0; t < tagCount; t++) tags.push(pick(random, TAGS))
  const words: string[] = []
  for (let w = 0; w < 16; w++) words.push(pick(random, WORDS))
  return {
    name: `${first} ${last}`,
    email: emailFor(first, last, i),
    age: 18 + Math.floor(random() * 63),
    city: pick(random, CITIES),
    tags,
    createdAt: new Date(EPOCH + Math.floor(random() * SPAN)),
    profile: { bio: words.join(' '), score: Math.floor(random() * 1000) / 10 },
  }
}

function emailFor(first: string, last: string, i: number): string {
  return `${first}.${last}.${i}@example.com`.toLowerCase()
}

/** The email of `userAt(i, seed)`, without building the rest of the document. */
export function emailOf(i: number, seed = DEFAULT_SEED): string {
  const random = createRandom(streamSeed(seed, i, 0x75736572))
  const first = pick(random, FIRST)
  const last = pick(random, LAST)
  return emailFor(first, last, i)
}

/** Users 0..n-1 of the data set `seed`. */
export function generateUsers(n: number, seed = DEFAULT_SEED): UserDoc[] {
  const users = new Array<UserDoc>(n)
  for (let i = 0; i < n; i++) users[i] = userAt(i, seed)
  return users
}

/** `count` orders placed by random users among the first `users` of the data set `seed`. */
export function generateOrders(count: number, users: number, seed = DEFAULT_SEED): OrderDoc[] {
  const random = createRandom(streamSeed(seed, count, 0x6f726472))
  const orders = new Array<OrderDoc>(count)
  for (let j = 0; j < count; j++) {
    orders[j] = {
      userEmail: emailOf(Math.floor(random() * users), seed),
      amount: Math.floor(random() * 50_000) / 100,
      items: 1 + Math.floor(random() * 9),
      placedAt: new Date(EPOCH + Math.floor(random() * SPAN)),
    }
  }
  return orders
}

/** `count` distinct-ish user numbers in [0, n) drawn from `seed` (the lookup/update workload). */
export function sampleIndexes(count: number, n: number, seed = DEFAULT_SEED): number[] {
  const random = createRandom(streamSeed(seed, count, 0x6b657973))
  const out = new Array<number>(count)
  for (let k = 0; k < count; k++) out[k] = Math.floor(random() * n)
  return out
}
