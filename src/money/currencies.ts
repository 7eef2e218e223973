/**
 * ISO 4217 currency codes and their minor units, embedded so that a scenario
 * validates and converts the same way on every platform (the platform's locale
 * data differs from ISO 4217 for several currencies, and between versions).
 * Source: ISO 4217 list one (active codes), funds codes included; precious
 * metals and testing codes (XAU, XXX, ...) have no minor unit and are not here.
 *
 * @module
 */

const TWO =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW " +
  "CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR " +
  "ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR " +
  "MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP " +
  "STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL";
const ZERO = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
const THREE = "BHD IQD JOD KWD LYD OMR TND";
const FOUR = "CLF UYW";

const MINOR_UNITS: ReadonlyMap<string, number> = new Map([
  ...TWO.split(" ").map((c) => [c, 2] as const),
  ...ZERO.split(" ").map((c) => [c, 0] as const),
  ...THREE.split(" ").map((c) => [c, 3] as const),
  ...FOUR.split(" ").map((c) => [c, 4] as const),
]);

/** The ISO 4217 minor unit of a currency code, or `undefined` for an unknown code. */
export function isoMinorUnit(code: string): number | undefined {
  return MINOR_UNITS.get(code);
}
