import { countSmsSegments } from 'nestjs-altinn-notifications';

const count = countSmsSegments('Din engangskode er 482913. Den utløper om 5 minutter.');
// { segments: 1, requiredSegments: 1, urlEncodedLength: 58, truncated: false,
//   encoding: 'GSM-7', units: 53, standardSegments: 1, nonGsmCharacters: [] }
export const fitsInOneSms = count.segments === 1;
