import type { IsoDate } from '../domain/calendar/working-days.ts'

// Charts drawn on the server as SVG with Observable Plot over linkedom's DOM, so they need no JavaScript
// in the browser. The page's Content Security Policy allows no inline styles, so Plot's <style> element
// and any style attributes are taken out: presentation attributes (fill, stroke, font-size) do the work.
// Every chart has a data table beside it on the page; the SVG carries a title and a short description.

const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const GOVUK_BLUE = '#1d70b8'
const GOVUK_BLACK = '#0b0c0c'

// The little of the DOM used here (the project has no DOM types: linkedom provides it at run time).
interface SvgElement {
  outerHTML: string
  firstChild: unknown
  textContent: string | null
  querySelectorAll(selector: string): Iterable<SvgElement>
  remove(): void
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  insertBefore(node: SvgElement, before: unknown): void
}
interface SvgDocument {
  createElement(name: string): SvgElement
}

export interface LinePoint {
  date: IsoDate
  value: number
  /** The series, when the chart has more than one line. */
  series?: string
}

export interface LineChartOptions {
  title: string
  description: string
  yLabel: string
  width?: number
  height?: number
}

/** Whole-number ticks from 0 to the top, at most about six of them. */
function integerTicks(max: number): number[] {
  const top = Math.max(1, max)
  const step = Math.max(1, Math.ceil(top / 5))
  const ticks: number[] = []
  for (let t = 0; t <= top + step - 1; t += step) ticks.push(t)
  return ticks
}

/** A line chart of counts over dates as an SVG string (safe to put in a page as it is). */
export async function lineChartSvg(points: readonly LinePoint[], options: LineChartOptions): Promise<string> {
  // Loaded on first use: most requests draw no chart, and start-up stays quick.
  const [Plot, { parseHTML }] = await Promise.all([import('@observablehq/plot'), import('linkedom')])
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const data = points.map((p) => ({
    date: new Date(`${p.date}T12:00:00Z`),
    value: p.value,
    series: p.series ?? '',
  }))
  const multi = new Set(data.map((d) => d.series)).size > 1
  const ticks = integerTicks(Math.max(0, ...data.map((d) => d.value)))
  const svg = Plot.plot({
    document,
    width: options.width ?? 640,
    height: options.height ?? 280,
    marginLeft: 48,
    marginBottom: 36,
    style: false as unknown as string,
    x: {
      type: 'utc',
      label: null,
      ticks: data.map((d) => d.date).filter((d, i, all) => all.findIndex((e) => +e === +d) === i),
      tickFormat: (d: Date) => SHORT_DATE.format(d),
    },
    y: {
      domain: [0, ticks.at(-1)!],
      ticks,
      tickFormat: (n: number) => String(n),
      grid: true,
      label: options.yLabel,
    },
    color: multi ? { legend: false } : undefined,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, {
        x: 'date',
        y: 'value',
        z: multi ? 'series' : undefined,
        stroke: multi ? 'series' : GOVUK_BLUE,
        strokeWidth: 3,
      }),
      Plot.dot(data, {
        x: 'date',
        y: 'value',
        fill: multi ? 'series' : GOVUK_BLUE,
        r: 4,
      }),
      Plot.text(data, {
        x: 'date',
        y: 'value',
        text: (d: { value: number }) => String(d.value),
        dy: -12,
        fill: multi ? 'series' : GOVUK_BLACK,
        fontWeight: 'bold',
        fontSize: 12,
      }),
    ],
  } as Parameters<typeof Plot.plot>[0]) as unknown as SvgElement
  return finishSvg(document as unknown as SvgDocument, svg, options)
}

function finishSvg(document: SvgDocument, svg: SvgElement, options: LineChartOptions): string {
  for (const style of [...svg.querySelectorAll('style')]) style.remove()
  for (const el of [svg, ...svg.querySelectorAll('[style]')]) el.removeAttribute('style')
  // Scale to the column: the viewBox keeps the proportions without a width in CSS.
  svg.setAttribute('width', '100%')
  svg.removeAttribute('height')
  svg.setAttribute('font-size', '14')
  svg.setAttribute('role', 'img')
  svg.setAttribute('class', 'hearth-chart')
  const id = `chart-${options.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  const title = document.createElement('title')
  title.setAttribute('id', `${id}-title`)
  title.textContent = options.title
  const desc = document.createElement('desc')
  desc.setAttribute('id', `${id}-desc`)
  desc.textContent = options.description
  svg.insertBefore(desc, svg.firstChild)
  svg.insertBefore(title, svg.firstChild)
  svg.removeAttribute('aria-label')
  // Plot labels its inner groups, which ARIA forbids on a plain <g> inside role="img": the image is
  // described once by its title and description, and the table beside it gives the figures.
  for (const element of svg.querySelectorAll('[aria-label], [aria-description]')) {
    element.removeAttribute('aria-label')
    element.removeAttribute('aria-description')
  }
  svg.setAttribute('aria-labelledby', `${id}-title`)
  svg.setAttribute('aria-describedby', `${id}-desc`)
  return svg.outerHTML
}
