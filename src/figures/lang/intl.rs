//! What every language shares: currency symbols and ISO codes, the percent sign, SI units; and
//! the tables of languages without their own (only the decimal mark is known).

use super::{Place, Table};

/// A table with nothing in it, to build the others from.
pub const EMPTY: Table = Table {
    code: "",
    aliases: &[],
    decimal: ',',
    scales: &[],
    glued_scales: &[],
    currencies: &[],
    scaled_currencies: &[],
    qualifiers: &[],
    units: &[],
    compound_units: &[],
    months: &[],
    capitalised_months: &[],
    day_after_month: false,
    date_joiners: &[],
    numbers: &[],
    numbers_before_scale: &[],
    compound_numbers: None,
    ordinal_suffixes: &[],
    ordinal_nouns: &[],
    decade_suffixes: &[],
    approx: &[],
    between: &[],
    range_to: &[],
    and: &[],
    range_articles: &[],
};

/// Symbols, codes and units read in every language.
pub const TABLE: Table = Table {
    code: "intl",
    currencies: &[
        ("$", "USD", Place::Both),
        ("US$", "USD", Place::Both),
        ("$US", "USD", Place::Both),
        ("U.S.$", "USD", Place::Both),
        ("€", "EUR", Place::Both),
        ("£", "GBP", Place::Both),
        ("£GB", "GBP", Place::Both),
        ("¥", "JPY", Place::Both),
        ("JP¥", "JPY", Place::Both),
        ("CN¥", "CNY", Place::Both),
        ("₩", "KRW", Place::Both),
        ("₹", "INR", Place::Both),
        ("₽", "RUB", Place::Both),
        ("₺", "TRY", Place::Both),
        ("₪", "ILS", Place::Both),
        ("CA$", "CAD", Place::Both),
        ("C$", "CAD", Place::Before),
        ("A$", "AUD", Place::Before),
        ("AU$", "AUD", Place::Both),
        ("NZ$", "NZD", Place::Both),
        ("HK$", "HKD", Place::Both),
        ("S$", "SGD", Place::Before),
        ("R$", "BRL", Place::Both),
        ("MX$", "MXN", Place::Both),
        ("zł", "PLN", Place::Both),
        ("Nkr", "NOK", Place::After),
        ("Dkr", "DKK", Place::After),
        ("Kč", "CZK", Place::After),
        ("USD", "USD", Place::Both),
        ("EUR", "EUR", Place::Both),
        ("GBP", "GBP", Place::Both),
        ("JPY", "JPY", Place::Both),
        ("CNY", "CNY", Place::Both),
        ("RMB", "CNY", Place::Both),
        ("CHF", "CHF", Place::Both),
        ("SEK", "SEK", Place::Both),
        ("NOK", "NOK", Place::Both),
        ("DKK", "DKK", Place::Both),
        ("ISK", "ISK", Place::Both),
        ("PLN", "PLN", Place::Both),
        ("CZK", "CZK", Place::Both),
        ("HUF", "HUF", Place::Both),
        ("RON", "RON", Place::Both),
        ("RUB", "RUB", Place::Both),
        ("UAH", "UAH", Place::Both),
        ("TRY", "TRY", Place::Both),
        ("INR", "INR", Place::Both),
        ("KRW", "KRW", Place::Both),
        ("TWD", "TWD", Place::Both),
        ("HKD", "HKD", Place::Both),
        ("SGD", "SGD", Place::Both),
        ("AUD", "AUD", Place::Both),
        ("NZD", "NZD", Place::Both),
        ("CAD", "CAD", Place::Both),
        ("MXN", "MXN", Place::Both),
        ("BRL", "BRL", Place::Both),
        ("ZAR", "ZAR", Place::Both),
        ("ILS", "ILS", Place::Both),
        ("SAR", "SAR", Place::Both),
        ("AED", "AED", Place::Both),
    ],
    units: &[
        ("%", "percent"),
        ("‰", "per_mille"),
        ("GW", "GW"),
        ("MW", "MW"),
        ("TW", "TW"),
        ("kW", "kW"),
        ("GWh", "GWh"),
        ("TWh", "TWh"),
        ("MWh", "MWh"),
        ("kWh", "kWh"),
        ("km", "km"),
        ("nm", "nm"),
    ],
    ..EMPTY
};

/// A language without a table that writes a decimal point.
pub const POINT: Table = Table {
    code: "und-point",
    decimal: '.',
    ..EMPTY
};

/// A language without a table that writes a decimal comma.
pub const COMMA: Table = Table {
    code: "und-comma",
    decimal: ',',
    ..EMPTY
};
