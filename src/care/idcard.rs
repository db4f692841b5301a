//! Resident ID numbers (公民身份号码, GB 11643-1999): the birth date and gender they hold,
//! the check digit verified. An ID number is personal data: it is never written to any
//! output, and messages show it masked.

use chrono::NaiveDate;

/// What an ID number says: the birth date and whether the holder is a man.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IdCard {
    pub(crate) birth: NaiveDate,
    pub(crate) male: bool,
}

/// Why an ID number cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdProblem {
    /// Not 18 characters of 17 digits and a digit or `X`.
    Shape,
    /// The check digit does not match.
    CheckDigit,
    /// The birth date it holds does not exist.
    Date,
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// Read an ID number.
pub(crate) fn parse(text: &str) -> Result<IdCard, IdProblem> {
    let text = text.trim().to_ascii_uppercase();
    let bytes = text.as_bytes();
    if bytes.len() != 18
        || !bytes[..17].iter().all(u8::is_ascii_digit)
        || !(bytes[17].is_ascii_digit() || bytes[17] == b'X')
    {
        return Err(IdProblem::Shape);
    }
    let sum: u32 = bytes[..17].iter().zip(WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
    if CHECK[(sum % 11) as usize] != bytes[17] {
        return Err(IdProblem::CheckDigit);
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let (year, month, day) = (number(6..10), number(10..12), number(12..14));
    let birth = match (year, month, day) {
        (Some(y), Some(m), Some(d)) => {
            NaiveDate::from_ymd_opt(i32::try_from(y).unwrap_or(0), m, d).ok_or(IdProblem::Date)?
        }
        _ => return Err(IdProblem::Date),
    };
    Ok(IdCard { birth, male: (bytes[16] - b'0') % 2 == 1 })
}

/// An ID number as messages may show it: the first and last four characters, the rest
/// starred (`1101**********123X`); anything shorter is starred whole.
#[must_use]
pub(crate) fn masked(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    if chars.len() < 10 {
        return "*".repeat(chars.len().max(4));
    }
    let (head, tail) = (&chars[..4], &chars[chars.len() - 4..]);
    format!(
        "{}{}{}",
        head.iter().collect::<String>(),
        "*".repeat(chars.len() - 8),
        tail.iter().collect::<String>()
    )
}

/// `text` with everything shaped like an ID number masked: a run of 15 to 18 digits (full
/// width too), the last one perhaps an `X`, that is not part of a longer run. A note or a
/// phone column may hold one; no message or output shows it whole.
#[must_use]
pub(crate) fn mask_all(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < chars.len() {
        let run = chars[at..].iter().take_while(|c| digit(**c)).count();
        if run == 0 {
            out.push(chars[at]);
            at += 1;
            continue;
        }
        let mut end = at + run;
        if run == 17 && chars.get(end).is_some_and(|c| matches!(c, 'x' | 'X' | 'ｘ' | 'Ｘ')) {
            end += 1;
        }
        let number: String = chars[at..end].iter().collect();
        if (15..=18).contains(&(end - at)) {
            out.push_str(&masked(&number));
        } else {
            out.push_str(&number);
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_number_gives_its_birth_date_and_gender() {
        let card = parse("11010519671126007X").unwrap();
        assert_eq!(card.birth, NaiveDate::from_ymd_opt(1967, 11, 26).unwrap());
        assert!(card.male);
        let card = parse("110105196411120606").unwrap();
        assert!(!card.male);
    }

    #[test]
    fn a_wrong_check_digit_or_shape_is_refused() {
        assert_eq!(parse("110105196411120607"), Err(IdProblem::CheckDigit));
        assert_eq!(parse("1101051964111206"), Err(IdProblem::Shape));
        assert_eq!(parse("11010519641112060A"), Err(IdProblem::Shape));
    }

    #[test]
    fn messages_show_it_masked() {
        assert_eq!(masked("11010519671126007X"), "1101**********007X");
        assert_eq!(masked("123"), "****");
    }

    #[test]
    fn anything_shaped_like_an_id_number_is_masked_in_any_text() {
        assert_eq!(mask_all("备注：11010519671126007X 已核"), "备注：1101**********007X 已核");
        assert_eq!(mask_all("电话13800138000"), "电话13800138000");
        assert_eq!(mask_all("旧证110105671126007"), "旧证1101*******6007");
        assert_eq!(mask_all("１１０１０５１９６７１１２６００７Ｘ"), "１１０１**********００７Ｘ");
        assert_eq!(mask_all("12345678901234567890"), "12345678901234567890");
    }
}
