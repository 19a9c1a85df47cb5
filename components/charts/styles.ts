// House colours for data series, each paired with a dash pattern and a marker shape so a chart
// stays legible printed in black and white. All colours reach 3:1 against white (WCAG 1.4.11).
export const SERIES_STYLES = [
  { color: '#0059b3', dash: undefined, shape: 'circle' },
  { color: '#b35900', dash: '7 4', shape: 'square' },
  { color: '#2b7a2b', dash: '2 3', shape: 'triangle' },
  { color: '#6b2c91', dash: '9 3 2 3', shape: 'diamond' },
] as const;

/** The style of the `index`-th series (the styles repeat after four). */
export function styleOf(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
}
