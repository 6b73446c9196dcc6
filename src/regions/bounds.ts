/**
 * Approximate bounding box of the regency, [minLng, minLat, maxLng, maxLat]: coordinates outside it are refused
 * (complaint locations, uploaded boundaries). Kutai Timur's data spans lng 115.968–118.989, lat 0.0225–1.868.
 */
export const KUTAI_TIMUR_BBOX: [minLng: number, minLat: number, maxLng: number, maxLat: number] = [115.9, 0.0, 119.0, 1.9];
