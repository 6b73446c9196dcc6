/** Types for demo-places.mjs (imported by the test suite). */
export type DemoPlace = [
  id: string,
  regionCode: string,
  category: string,
  name: string,
  lat: number,
  lng: number,
  address: string,
  openingHours: string,
  contact: string,
  description: string,
];
export declare const DEMO_PLACES: DemoPlace[];
