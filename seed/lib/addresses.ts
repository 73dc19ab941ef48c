// The fictional borough of Hearthborough. "HB" is not a real postcode area, so synthetic addresses can
// never match a real one, but every postcode still passes the BS 7666 format check.

import { createRandom, type Random } from './random.ts'

export const POST_TOWN = 'Hearthborough'
export const POSTCODE_AREA = 'HB'

export interface District {
  /** Postcode district, e.g. HB3. */
  district: string
  /** Locality shown on the address. */
  locality: string
}

export const DISTRICTS: readonly District[] = [
  { district: 'HB1', locality: 'Town Centre' },
  { district: 'HB2', locality: 'Kilnworth' },
  { district: 'HB3', locality: 'Ashby Vale' },
  { district: 'HB4', locality: 'Fernhill' },
  { district: 'HB5', locality: 'Marsh End' },
  { district: 'HB6', locality: 'Hollinsmoor' },
  { district: 'HB7', locality: 'Netherford' },
  { district: 'HB8', locality: 'Brackenfield' },
  { district: 'HB9', locality: 'Oldmere' },
  { district: 'HB10', locality: 'Pennyfold' },
  { district: 'HB11', locality: 'Caddow Bridge' },
  { district: 'HB12', locality: 'Sedgebrook' },
]

// biome-ignore format: compact word list
const STREET_PREFIXES = [
  'Oak', 'Ash', 'Elm', 'Beech', 'Birch', 'Willow', 'Hazel', 'Rowan', 'Holly', 'Cedar', 'Chestnut', 'Maple',
  'Alder', 'Larch', 'Poplar', 'Sycamore', 'Hawthorn', 'Juniper', 'Laurel', 'Linden', 'Meadow', 'Mill',
  'Church', 'Station', 'Victoria', 'Albert', "Queen's", "King's", 'Park', 'Orchard', 'Brook', 'Bridge',
  'Well', 'Kiln', 'Forge', 'Foundry', 'Canal', 'Chapel', 'School', 'Market', 'Castle', 'Abbey', 'Priory',
  'Grange', 'Manor', 'Moor', 'Heath', 'Fern', 'Heather', 'Lark', 'Wren', 'Kestrel', 'Falcon', 'Swallow',
  'Primrose', 'Bluebell', 'Foxglove', 'Clover',
] as const

// biome-ignore format: compact word list
const STREET_SUFFIXES = [
  'Road', 'Street', 'Lane', 'Avenue', 'Close', 'Drive', 'Way', 'Crescent', 'Grove', 'Gardens', 'Place',
  'Court', 'Terrace', 'View', 'Walk', 'Rise', 'Mews', 'Square', 'Row', 'Green',
] as const

/** About 230 invented street names: each prefix with 4 different suffixes, in a fixed order. */
export const STREET_NAMES: readonly string[] = STREET_PREFIXES.flatMap((prefix, i) =>
  [0, 5, 10, 15].map((k) => `${prefix} ${STREET_SUFFIXES[(i * 7 + k) % STREET_SUFFIXES.length]}`),
)

// biome-ignore format: compact word list
const BUILDING_NAMES = [
  'Kestrel House', 'Foundry Court', 'Millbank House', 'Riverside Heights', 'Canal Wharf', 'Beacon Tower',
  'Cinder House', 'Victoria Mansions', 'Orchard Court', 'Ashby House',
] as const

// Inward-code letters allowed by BS 7666 (never C I K M O V).
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'
const HOUSES_PER_POSTCODE = 20

interface Street {
  name: string
  district: District
  houses: number
  /** One postcode per block of HOUSES_PER_POSTCODE houses, like real unit postcodes. */
  postcodes: string[]
}

// Fixed layout of the borough, independent of the caller's seed, so a street is always in the same
// district with the same postcodes.
const STREETS: readonly Street[] = (() => {
  const layout = createRandom(0x4842).fork('hearthborough-streets')
  const used = new Set<string>()
  return STREET_NAMES.map((name) => {
    const district = layout.pick(DISTRICTS)
    const houses = layout.int(6, 160)
    const sector = layout.int(1, 9)
    const postcodes: string[] = []
    for (let i = 0; i < Math.ceil(houses / HOUSES_PER_POSTCODE); i++) {
      let postcode: string
      do {
        postcode = `${district.district} ${sector}${layout.pick([...INWARD_LETTERS])}${layout.pick([...INWARD_LETTERS])}`
      } while (used.has(postcode))
      used.add(postcode)
      postcodes.push(postcode)
    }
    return { name, district, houses, postcodes }
  })
})()

export interface SyntheticAddress {
  /** "12 Oak Road", or "Flat 3, Kestrel House" for a flat. */
  line1: string
  /** The street line for a flat ("12 Oak Road"), otherwise null. */
  line2: string | null
  locality: string
  town: string
  postcode: string
}

export interface SyntheticAddressOptions {
  /** Restrict to one postcode district, e.g. 'HB3'. */
  district?: string
}

export function syntheticAddress(random: Random, options: SyntheticAddressOptions = {}): SyntheticAddress {
  const streets = options.district ? STREETS.filter((s) => s.district.district === options.district) : STREETS
  if (streets.length === 0) throw new RangeError(`No streets in district ${options.district}`)
  const street = random.pick(streets)
  const house = random.int(1, street.houses)
  const postcode = street.postcodes[Math.floor((house - 1) / HOUSES_PER_POSTCODE)]!
  const streetLine = `${house} ${street.name}`
  const base = { locality: street.district.locality, town: POST_TOWN, postcode }
  if (random.chance(0.25)) {
    return { line1: `Flat ${random.int(1, 24)}, ${random.pick(BUILDING_NAMES)}`, line2: streetLine, ...base }
  }
  return { line1: streetLine, line2: null, ...base }
}
