// Name pools for synthetic people. Invented combinations of common names, never records of real people.
// Pools reflect the mix of families in a present-day English borough and include names that stress
// systems: apostrophes (O'Brien), hyphens, diacritics (Wiśniewski, Łukasz) and short names (Li).

import type { Random } from './random.ts'

export type Sex = 'F' | 'M' | 'U'

export type NameHeritage =
  | 'white-british'
  | 'irish'
  | 'south-asian'
  | 'black-african'
  | 'black-caribbean'
  | 'eastern-european'
  | 'other'

export interface NamePool {
  girls: readonly string[]
  boys: readonly string[]
  surnames: readonly string[]
}

// biome-ignore format: one name per line would make the lists hundreds of lines long
export const NAME_POOLS: Readonly<Record<NameHeritage, NamePool>> = {
  'white-british': {
    girls: [
      'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Isabella', 'Rosie', 'Sophia', 'Grace',
      'Freya', 'Willow', 'Florence', 'Emily', 'Ella', 'Poppy', 'Evie', 'Elsie', 'Charlotte', 'Evelyn',
      'Sienna', 'Daisy', 'Phoebe', 'Sophie', 'Harper', 'Ruby', 'Millie', 'Alice', 'Matilda', 'Chloe',
      'Jessica', 'Lucy', 'Ellie', 'Holly', 'Megan', 'Hannah', 'Lauren', 'Katie', 'Amy', 'Bethany', 'Abigail',
      'Scarlett', 'Eliza', 'Maisie', 'Lola', 'Darcie', 'Erin', 'Molly', 'Imogen', 'Harriet', 'Georgia',
      'Paige', 'Kayleigh', 'Courtney', 'Jade', 'Leah', 'Tilly', 'Summer', 'Sarah', 'Emma', 'Rebecca',
      'Laura', 'Claire', 'Nicola', 'Kelly', 'Michelle', 'Donna', 'Joanne', 'Karen', 'Lisa', 'Stacey',
      'Gemma', 'Hayley', 'Danielle', 'Samantha', 'Natalie', 'Victoria', 'Charlene', 'Kirsty', 'Leanne',
      'Zoë',
    ],
    boys: [
      'Oliver', 'George', 'Noah', 'Arthur', 'Harry', 'Leo', 'Jack', 'Charlie', 'Oscar', 'Jacob', 'Henry',
      'Freddie', 'Alfie', 'Theo', 'Thomas', 'Archie', 'Joshua', 'James', 'William', 'Isaac', 'Alexander',
      'Lucas', 'Max', 'Edward', 'Finley', 'Mason', 'Harrison', 'Logan', 'Ethan', 'Teddy', 'Reggie', 'Ronnie',
      'Tommy', 'Riley', 'Jake', 'Kyle', 'Liam', 'Connor', 'Callum', 'Tyler', 'Bradley', 'Jordan', 'Ryan',
      'Lewis', 'Daniel', 'Samuel', 'Benjamin', 'Joseph', 'Dylan', 'Kai', 'Louie', 'Frankie', 'Elliot',
      'Toby', 'Darren', 'Lee', 'Craig', 'Wayne', 'Jason', 'Gary', 'Paul', 'Mark', 'Stephen', 'Andrew',
      'David', 'Michael', 'Christopher', 'Matthew', 'Richard', 'Neil', 'Scott', 'Dean', 'Shaun', 'Carl',
      'Jamie', 'Ashley',
    ],
    surnames: [
      'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
      'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
      'Hughes', 'Edwards', 'Turner', 'Hill', 'Harris', 'Lewis', 'Cooper', 'Morris', 'Ward', 'King', 'Baker',
      'Harrison', 'Morgan', 'Allen', 'Moore', 'Parker', 'Martin', 'Cook', 'Bennett', 'Bailey', 'Carter',
      'Shaw', 'Mitchell', 'Price', 'Richardson', 'Bell', 'Cox', 'Marshall', 'Webb', 'Chapman', 'Simpson',
      'Holmes', 'Atkinson', 'Barker', 'Fletcher', 'Dixon', 'Pearson', 'Stevens', 'Lloyd', 'Owen', 'Hunt',
      'Mason', 'Palmer', 'Rogers', 'Spencer', 'Gray', 'Matthews', 'Butler', 'Hargreaves', 'Whitaker',
      'Ashworth', 'Pickering', 'Sutcliffe', 'Booth', 'Lowe', 'Hartley', 'Hewitt', 'Lord', 'Smith-Jones',
      'Heaton-Price',
    ],
  },
  irish: {
    girls: [
      'Aoife', 'Niamh', 'Siobhan', 'Ciara', 'Róisín', 'Saoirse', 'Orla', 'Caoimhe', 'Mairead', 'Bridget',
    ],
    boys: ['Cian', 'Oisín', 'Seán', 'Declan', 'Padraig', 'Ronan', 'Eoin', 'Conor', 'Darragh', 'Fionn'],
    surnames: [
      'Murphy', 'Kelly', "O'Brien", "O'Connor", 'Byrne', 'Doyle', 'Walsh', 'McCarthy', 'Gallagher',
      'Donnelly', "O'Sullivan", 'Quinn', 'Kavanagh', 'McDonagh',
    ],
  },
  'south-asian': {
    girls: [
      'Aisha', 'Fatima', 'Maryam', 'Zainab', 'Hafsa', 'Inaya', 'Amira', 'Hana', 'Safiya', 'Zara', 'Aleena',
      'Anaya', 'Priya', 'Anika', 'Simran', 'Jasleen', 'Harleen', 'Navpreet', 'Riya', 'Diya', 'Nusrat',
      'Tahmina', 'Sadia', 'Ayesha', 'Noor', 'Mehreen', 'Sana', 'Iqra', 'Khadija', 'Hira', 'Parveen',
      'Shabnam', 'Rukhsana', 'Nazia', 'Sumaiya', 'Tasnim',
    ],
    boys: [
      'Muhammad', 'Mohammed', 'Ibrahim', 'Yusuf', 'Ayaan', 'Zayn', 'Musa', 'Hamza', 'Ali', 'Adam', 'Rayyan',
      'Zakariya', 'Bilal', 'Imran', 'Arjun', 'Rohan', 'Aarav', 'Vihaan', 'Harjit', 'Gurpreet', 'Jaskaran',
      'Sukhdeep', 'Rahul', 'Sanjay', 'Abdul', 'Rahim', 'Shahid', 'Tariq', 'Faisal', 'Kamran', 'Asif',
      'Nadeem', 'Sohail', 'Rizwan', 'Shamim', 'Rakib',
    ],
    // Begum, Bibi, Kaur and Singh are left out: they follow the person's sex, not the family.
    surnames: [
      'Khan', 'Ahmed', 'Hussain', 'Ali', 'Akhtar', 'Iqbal', 'Rahman', 'Mahmood', 'Shah', 'Malik', 'Patel',
      'Sharma', 'Kumar', 'Mistry', 'Chauhan', 'Gill', 'Sandhu', 'Bains', 'Islam', 'Miah', 'Uddin',
      'Choudhury', 'Hossain', 'Rashid', 'Aziz', 'Butt', 'Javed', 'Sheikh', 'Qureshi', 'Chowdhury', 'Parmar',
      'Dhillon',
    ],
  },
  'black-african': {
    girls: [
      'Chiamaka', 'Adaeze', 'Amara', 'Ngozi', 'Chioma', 'Folake', 'Funmilayo', 'Temitope', 'Abena', 'Akosua',
      'Ama', 'Efua', 'Fadumo', 'Hodan', 'Ayan', 'Hibo', 'Sagal', 'Amina', 'Ruvimbo', 'Rutendo', 'Blessing',
      'Precious', 'Favour', 'Esther', 'Deborah', 'Comfort', 'Oluwadamilare', 'Chidinma',
    ],
    boys: [
      'Chukwuemeka', 'Emeka', 'Obinna', 'Oluwaseun', 'Tunde', 'Ayodele', 'Olamide', 'Kwame', 'Kofi',
      'Kwabena', 'Yaw', 'Abdirahman', 'Abdullahi', 'Mohamed', 'Tendai', 'Tafadzwa', 'Tinashe', 'Emmanuel',
      'Godwin', 'Prince', 'Divine', 'Ebuka', 'Chinedu', 'Nnamdi',
    ],
    surnames: [
      'Okafor', 'Okonkwo', 'Adeyemi', 'Adebayo', 'Oladipo', 'Eze', 'Nwosu', 'Ogunleye', 'Mensah', 'Owusu',
      'Asante', 'Boateng', 'Osei', 'Appiah', 'Mohamed', 'Abdi', 'Hassan', 'Warsame', 'Farah', 'Moyo',
      'Ncube', 'Mutasa', 'Okoro', 'Afolabi', 'Balogun', 'Adewale-Johnson',
    ],
  },
  'black-caribbean': {
    girls: [
      'Shanice', 'Tanisha', 'Keisha', 'Jada', 'Kiara', 'Ebony', 'Shantelle', 'Monique', 'Alisha', 'Jasmine',
      'Destiny', 'Aaliyah', 'Tiana', 'Marcia',
    ],
    boys: [
      'Jermaine', 'Tyrone', 'Marcus', 'Andre', 'Leon', 'Dwayne', 'Kareem', 'Tremaine', 'Malachi', 'Jayden',
      'Kyrie', 'Isaiah', 'Trey', 'Darnell', 'Delroy', 'Winston',
    ],
    surnames: [
      'Campbell', 'Francis', 'Grant', 'Thomas', 'Henry', 'Reid', 'Gordon', 'Stewart', 'Bryan', 'Lindo',
      'McKenzie', 'Samuels', 'Forbes', 'Morrison', 'Ellis', 'Spence', 'Powell', 'Bailey-Grant',
    ],
  },
  'eastern-european': {
    girls: [
      'Zofia', 'Julia', 'Zuzanna', 'Maja', 'Hanna', 'Lena', 'Alicja', 'Natalia', 'Wiktoria', 'Oliwia',
      'Agnieszka', 'Katarzyna', 'Małgorzata', 'Joanna', 'Magdalena', 'Ewa', 'Anna', 'Andreea', 'Ioana',
      'Elena', 'Bianca', 'Daria', 'Roxana', 'Gabija', 'Ieva', 'Milana', 'Sofija', 'Emilija', 'Anastasia',
      'Kateryna',
    ],
    boys: [
      'Jakub', 'Antoni', 'Jan', 'Szymon', 'Filip', 'Kacper', 'Mikołaj', 'Aleksander', 'Franciszek',
      'Wojciech', 'Łukasz', 'Piotr', 'Tomasz', 'Krzysztof', 'Paweł', 'Marek', 'Andrei', 'Ionuț', 'Mihai',
      'Alexandru', 'Stefan', 'Matei', 'Luca', 'Lukas', 'Matas', 'Dominykas', 'Nojus', 'Artem', 'Maksym',
      'Dmytro',
    ],
    surnames: [
      'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński',
      'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Mazur', 'Krawczyk', 'Jankowski', 'Popescu',
      'Ionescu', 'Popa', 'Stan', 'Dumitru', 'Stoica', 'Constantin', 'Munteanu', 'Ivanov', 'Petrov',
      'Georgiev', 'Kovalenko', 'Shevchenko', 'Bondarenko', 'Hoxha', 'Krasniqi', 'Berisha',
    ],
  },
  other: {
    girls: [
      'Elif', 'Zeynep', 'Leyla', 'Yasmin', 'Layla', 'Mariam', 'Rania', 'Huda', 'Mei', 'Xin', 'Linh', 'Thao',
      'Meron', 'Senait', 'Shirin', 'Parisa',
    ],
    boys: [
      'Emre', 'Mehmet', 'Ahmad', 'Hassan', 'Karim', 'Omar', 'Wei', 'Jun', 'Hao', 'Minh', 'Duc', 'Dawit',
      'Yonas', 'Samir', 'Arlind', 'Ermal', 'Klevis', 'Sardar',
    ],
    surnames: [
      'Yilmaz', 'Demir', 'Kaya', 'Şahin', 'Ahmadi', 'Hashimi', 'Haddad', 'Mansour', 'Wang', 'Li', 'Chen',
      'Zhang', 'Nguyen', 'Tran', 'Pham', 'Tesfaye', 'Haile', 'Gebremedhin', 'Karimi', 'Rezaei',
    ],
  },
}

const unique = (lists: (readonly string[])[]): readonly string[] => [...new Set(lists.flat())]
const pools = Object.values(NAME_POOLS)
export const GIRLS_FIRST_NAMES = unique(pools.map((p) => p.girls))
export const BOYS_FIRST_NAMES = unique(pools.map((p) => p.boys))
export const SURNAMES = unique(pools.map((p) => p.surnames))

export const HERITAGES = Object.keys(NAME_POOLS) as NameHeritage[]

// Rough shares for a diverse English borough; 'mixed' gives a first name and surname from different
// pools (mixed-heritage families, and children who took a step-parent's surname).
const HERITAGE_WEIGHTS: readonly (readonly [NameHeritage | 'mixed', number])[] = [
  ['white-british', 0.64],
  ['irish', 0.03],
  ['south-asian', 0.11],
  ['black-african', 0.05],
  ['black-caribbean', 0.03],
  ['eastern-european', 0.06],
  ['other', 0.03],
  ['mixed', 0.05],
]

export type PersonHeritage = NameHeritage | 'mixed'

export function syntheticHeritage(random: Random): PersonHeritage {
  return random.weighted(HERITAGE_WEIGHTS)
}

function otherHeritage(random: Random, not: NameHeritage): NameHeritage {
  return random.pick(HERITAGES.filter((h) => h !== not))
}

export function syntheticFirstName(
  random: Random,
  sex: Sex,
  heritage: NameHeritage = 'white-british',
): string {
  const pool = NAME_POOLS[heritage]
  const female = sex === 'F' || (sex === 'U' && random.chance(0.5))
  return random.pick(female ? pool.girls : pool.boys)
}

export function syntheticSurname(random: Random, heritage: NameHeritage = 'white-british'): string {
  return random.pick(NAME_POOLS[heritage].surnames)
}

/** The form of a family surname for a person of this sex (Polish -ski/-cki/-dzki and Slavic -ov). */
export function surnameForSex(surname: string, sex: Sex): string {
  if (sex !== 'F') return surname
  if (/(?:ski|cki|dzki)$/.test(surname)) return `${surname.slice(0, -1)}a`
  if (/(?:ov|ev)$/.test(surname)) return `${surname}a`
  return surname
}

export interface SyntheticPerson {
  firstName: string
  middleName: string | null
  lastName: string
  sex: Sex
  dateOfBirth: string
  heritage: PersonHeritage
}

export interface SyntheticPersonOptions {
  sex?: Sex
  /** Defaults to a year giving a child of 0-17 in 2025. */
  birthYear?: number
  /** Family surname to share (e.g. siblings); adjusted for sex with surnameForSex. */
  surname?: string
  heritage?: PersonHeritage
}

export function syntheticPerson(random: Random, options: SyntheticPersonOptions = {}): SyntheticPerson {
  const sex = options.sex ?? (random.chance(0.5) ? 'F' : 'M')
  const heritage = options.heritage ?? syntheticHeritage(random)
  let firstPool: NameHeritage
  let surnamePool: NameHeritage
  if (heritage === 'mixed') {
    surnamePool = random.pick(HERITAGES)
    firstPool = otherHeritage(random, surnamePool)
  } else {
    firstPool = heritage
    surnamePool = heritage
  }
  const firstName = syntheticFirstName(random, sex, firstPool)
  let middleName: string | null = null
  if (random.chance(0.45)) {
    const candidate = syntheticFirstName(random, sex, random.chance(0.8) ? firstPool : surnamePool)
    middleName = candidate === firstName ? null : candidate
  }
  const family = options.surname ?? syntheticSurname(random, surnamePool)
  const birthYear = options.birthYear ?? random.int(2008, 2025)
  return {
    firstName,
    middleName,
    lastName: surnameForSex(family, sex),
    sex,
    dateOfBirth: random.dateBetween(`${birthYear}-01-01`, `${birthYear}-12-31`),
    heritage,
  }
}
