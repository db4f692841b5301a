//! Subscribing: the https and webcal links of a feed, and their QR code.

use crate::model::Calendar;

/// A subscription link pair for a feed file, when the calendar has a public URL.
pub(super) fn links(calendar: &Calendar, file: &str) -> (Option<String>, Option<String>) {
    let Some(url) = &calendar.url else { return (None, None) };
    let base = url.rsplit_once('/').map_or(url.as_str(), |(b, _)| b);
    let https = format!("{base}/{file}");
    let webcal = https.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1);
    (Some(https), Some(webcal))
}

/// The QR code of `text` as an inline SVG.
pub(super) fn qr_svg(text: &str) -> Option<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(160, 160)
            .quiet_zone(true)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .build(),
    )
}
