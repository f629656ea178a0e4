/**
 * The colour scale of the heatmaps (cohorts, RFM): white to dark blue over 0…max of each cell's third value, shown
 * as a draggable legend at the right.
 */
export const heatScale = (max: number, formatter?: (v: unknown) => string) => ({
  // Colour by the third value; by default ECharts would use the last one.
  dimension: 2,
  min: 0,
  max,
  calculable: true,
  right: 0,
  top: 'middle',
  inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] },
  ...(formatter ? { formatter } : {}),
});
