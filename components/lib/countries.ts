/**
 * Where viewers are, by country: an approximate centre of population (usually the largest city or
 * the capital) of every ISO 3166-1 alpha-2 code CloudFront reports in `CloudFront-Viewer-Country`,
 * rounded to whole degrees. The edge router falls back to it when a request carries no
 * latitude/longitude headers, and the report uses it for its viewer table. Whole degrees are about
 * 100 km: far below the distance between two AWS regions, so the nearest region never depends on
 * the rounding except between regions in the same metropolitan area.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/adding-cloudfront-headers.html
 */
import type { Coordinates } from "./regions";

/** `CODE lat lon` triples, comma-separated, in code order. */
const TABLE =
  "AD 43 2,AE 25 55,AF 35 69,AG 17 -62,AI 18 -63,AL 41 20,AM 40 45,AO -9 13,AQ -78 167,AR -35 -58,AS -14 -171,AT 48 16,AU -34 151,AW 13 -70," +
  "AX 60 20,AZ 40 50,BA 44 18,BB 13 -60,BD 24 90,BE 51 4,BF 12 -2,BG 43 23,BH 26 51,BI -3 29,BJ 6 2,BL 18 -63,BM 32 -65,BN 5 115,BO -17 -66," +
  "BQ 12 -68,BR -23 -47,BS 25 -77,BT 27 90,BW -25 26,BY 54 28,BZ 17 -88,CA 44 -79,CC -12 97,CD -4 15,CF 4 19,CG -4 15,CH 47 8,CI 5 -4," +
  "CK -21 -160,CL -33 -71,CM 4 10,CN 31 115,CO 5 -74,CR 10 -84,CU 23 -82,CV 15 -24,CW 12 -69,CX -10 106,CY 35 33,CZ 50 14,DE 51 10,DJ 12 43," +
  "DK 56 12,DM 15 -61,DO 18 -70,DZ 37 3,EC -2 -79,EE 59 25,EG 30 31,EH 27 -13,ER 15 39,ES 40 -4,ET 9 39,FI 61 25,FJ -18 178,FK -52 -58," +
  "FM 7 158,FO 62 -7,FR 47 2,GA 0 9,GB 52 -1,GD 12 -62,GE 42 45,GF 5 -52,GG 49 -3,GH 6 0,GI 36 -5,GL 64 -52,GM 13 -17,GN 10 -14,GP 16 -62," +
  "GQ 4 9,GR 38 24,GS -54 -37,GT 15 -91,GU 13 145,GW 12 -16,GY 7 -58,HK 22 114,HN 14 -87,HR 46 16,HT 19 -72,HU 47 19,ID -6 107,IE 53 -7," +
  "IL 32 35,IM 54 -5,IN 22 79,IO -7 72,IQ 33 44,IR 36 51,IS 64 -22,IT 42 12,JE 49 -2,JM 18 -77,JO 32 36,JP 36 138,KE -1 37,KG 43 75," +
  "KH 12 105,KI 1 173,KM -12 44,KN 17 -63,KP 39 126,KR 37 127,KW 29 48,KY 19 -81,KZ 48 68,LA 18 103,LB 34 36,LC 14 -61,LI 47 10,LK 7 80," +
  "LR 6 -11,LS -29 28,LT 55 24,LU 50 6,LV 57 24,LY 33 13,MA 34 -7,MC 44 7,MD 47 29,ME 42 19,MF 18 -63,MG -19 47,MH 7 171,MK 42 21,ML 13 -8," +
  "MM 17 96,MN 48 107,MO 22 114,MP 15 146,MQ 15 -61,MR 18 -16,MS 17 -62,MT 36 14,MU -20 58,MV 4 73,MW -14 34,MX 20 -99,MY 3 102,MZ -26 33," +
  "NA -23 17,NC -22 166,NE 14 2,NF -29 168,NG 8 6,NI 12 -86,NL 52 5,NO 60 10,NP 28 84,NR -1 167,NU -19 -170,NZ -37 175,OM 23 58,PA 9 -80," +
  "PE -12 -77,PF -18 -150,PG -6 147,PH 14 121,PK 30 70,PL 52 20,PM 47 -56,PN -25 -130,PR 18 -66,PS 32 35,PT 39 -9,PW 7 134,PY -25 -58," +
  "QA 25 51,RE -21 56,RO 45 25,RS 44 21,RU 56 38,RW -2 30,SA 24 45,SB -9 160,SC -5 56,SD 16 33,SE 59 16,SG 1 104,SH -16 -6,SI 46 15," +
  "SJ 78 16,SK 48 19,SL 8 -13,SM 44 12,SN 15 -17,SO 2 45,SR 6 -55,SS 5 32,ST 0 7,SV 14 -89,SX 18 -63,SY 34 37,SZ -26 31,TC 22 -72,TD 12 15," +
  "TF -49 70,TG 6 1,TH 14 101,TJ 39 69,TK -9 -172,TL -9 126,TM 38 58,TN 37 10,TO -21 -175,TR 40 32,TT 11 -61,TV -8 179,TW 24 121,TZ -7 39," +
  "UA 50 31,UG 0 32,UM 19 167,US 38 -92,UY -35 -56,UZ 41 69,VA 42 12,VC 13 -61,VE 10 -67,VG 18 -65,VI 18 -65,VN 16 107,VU -18 168," +
  "WF -13 -176,WS -14 -172,XK 43 21,YE 15 44,YT -13 45,ZA -27 28,ZM -14 28,ZW -18 31";

/** Every country code the table knows, with its coordinates. */
export const COUNTRY_COORDINATES: ReadonlyMap<string, Coordinates> = new Map(
  TABLE.split(",").map((entry) => {
    const [code, latitude, longitude] = entry.split(" ");
    return [code, { latitude: Number(latitude), longitude: Number(longitude) }] as const;
  }),
);

/** The coordinates of a country code, or undefined for a code the table lacks. */
export function countryCoordinates(code: string): Coordinates | undefined {
  return COUNTRY_COORDINATES.get(code.toUpperCase());
}

/**
 * A viewer table for reports and tests: a few countries per continent, where the stack's users
 * typically are; each is named so a reviewer recognises it.
 */
export const REPRESENTATIVE_VIEWERS: ReadonlyArray<{ readonly country: string; readonly name: string; readonly continent: string }> = [
  { country: "US", name: "United States", continent: "North America" },
  { country: "CA", name: "Canada", continent: "North America" },
  { country: "MX", name: "Mexico", continent: "North America" },
  { country: "BR", name: "Brazil", continent: "South America" },
  { country: "AR", name: "Argentina", continent: "South America" },
  { country: "GB", name: "United Kingdom", continent: "Europe" },
  { country: "DE", name: "Germany", continent: "Europe" },
  { country: "FR", name: "France", continent: "Europe" },
  { country: "ZA", name: "South Africa", continent: "Africa" },
  { country: "NG", name: "Nigeria", continent: "Africa" },
  { country: "AE", name: "United Arab Emirates", continent: "Middle East" },
  { country: "IN", name: "India", continent: "Asia" },
  { country: "SG", name: "Singapore", continent: "Asia" },
  { country: "JP", name: "Japan", continent: "Asia" },
  { country: "AU", name: "Australia", continent: "Oceania" },
  { country: "NZ", name: "New Zealand", continent: "Oceania" },
];
