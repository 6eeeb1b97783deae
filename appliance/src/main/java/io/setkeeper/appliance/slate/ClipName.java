package io.setkeeper.appliance.slate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a camera file name says: the camera letter, the roll (reel/card), the clip number and the date, as the
 * camera makers write them. Read from the name alone (no file is opened).
 *
 * <ul>
 *   <li>ARRI: {@code A001C003_220316_R1AB.mov} (camera A, roll 1, clip 3, 2022-03-16, camera id R1AB)</li>
 *   <li>RED: {@code A106_C037_0101XX_001.R3D} and its {@code A106_C037_0101XX.RDC} folder (month-day only; part 1)</li>
 *   <li>Sony Venice/FX9: {@code A001C001_220316CR.MXF}; Sony FX3/FX6/a7: {@code C0001.MP4} (clip only)</li>
 *   <li>GoPro: {@code GX010001.MP4}, {@code GH010001.MP4} (chapter 1 of file 1), {@code GOPR0001.MP4}</li>
 *   <li>Blackmagic: {@code A001_08151230_C001.braw} (camera A, roll 1, 15 August, clip 1)</li>
 * </ul>
 *
 * @param camera   the camera letter, when the name has one
 * @param roll     the roll (reel, card) number
 * @param clip     the clip number on the roll (the file number for GoPro and Sony C0001)
 * @param part     a file's part within a clip: RED segment, GoPro chapter
 * @param date     the date when the name has a full one (ARRI, Sony Venice: YYMMDD)
 * @param monthDay the month and day when known (also for RED and Blackmagic, whose names carry no year)
 */
public record ClipName(Vendor vendor, Optional<String> camera, OptionalInt roll, int clip, OptionalInt part,
                       Optional<LocalDate> date, Optional<MonthDay> monthDay) {

    /** The naming scheme a name follows. */
    public enum Vendor { ARRI, RED, SONY, GOPRO, BLACKMAGIC }

    private static final Pattern ARRI = Pattern.compile("([A-Z])(\\d{3})C(\\d{3})_(\\d{6})_([A-Z0-9]{4})(?:\\.\\d+)?");
    private static final Pattern SONY_CINE = Pattern.compile("([A-Z])(\\d{3})C(\\d{3})_(\\d{6})([A-Z0-9]{2})");
    private static final Pattern SONY_CLIP = Pattern.compile("C(\\d{4})");
    private static final Pattern RED = Pattern.compile("([A-Z])(\\d{3})_C(\\d{3})_(\\d{4})([A-Z0-9]{2})(?:_(\\d{3}))?");
    private static final Pattern GOPRO = Pattern.compile("G([XHLP])(\\d{2})(\\d{4})");
    private static final Pattern GOPRO_OLD = Pattern.compile("GOPR(\\d{4})");
    private static final Pattern BLACKMAGIC = Pattern.compile("([A-Z])(\\d{3})_(\\d{4})(\\d{4})_C(\\d{3})");

    public ClipName {
        if (clip < 0) {
            throw new IllegalArgumentException("clip number must be >= 0");
        }
    }

    /** The camera roll as loggers write it ({@code A001}), when the name has camera letter and roll. */
    public Optional<String> camroll() {
        return camera.isPresent() && roll.isPresent()
                ? Optional.of(camera.get() + String.format("%03d", roll.getAsInt())) : Optional.empty();
    }

    /**
     * Reads a file or folder name (a path is accepted; only its last part counts). Empty when the name follows
     * none of the known schemes or carries an impossible date.
     */
    public static Optional<ClipName> parse(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toUpperCase(Locale.ROOT) : "";
        String base = (dot > 0 ? name.substring(0, dot) : name).toUpperCase(Locale.ROOT);
        try {
            return arri(base).or(() -> red(base)).or(() -> sony(base, ext)).or(() -> blackmagic(base))
                    .or(() -> gopro(base, ext));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ClipName> arri(String base) {
        Matcher m = ARRI.matcher(base);
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDate date = yymmdd(m.group(4));
        return Optional.of(new ClipName(Vendor.ARRI, Optional.of(m.group(1)), OptionalInt.of(num(m.group(2))),
                num(m.group(3)), OptionalInt.empty(), Optional.of(date), Optional.of(MonthDay.from(date))));
    }

    private static Optional<ClipName> sony(String base, String ext) {
        Matcher m = SONY_CINE.matcher(base);
        if (m.matches()) {
            LocalDate date = yymmdd(m.group(4));
            return Optional.of(new ClipName(Vendor.SONY, Optional.of(m.group(1)), OptionalInt.of(num(m.group(2))),
                    num(m.group(3)), OptionalInt.empty(), Optional.of(date), Optional.of(MonthDay.from(date))));
        }
        Matcher c = SONY_CLIP.matcher(base);
        if (c.matches() && (ext.equals("MP4") || ext.equals("MXF") || ext.isEmpty())) {
            return Optional.of(new ClipName(Vendor.SONY, Optional.empty(), OptionalInt.empty(), num(c.group(1)),
                    OptionalInt.empty(), Optional.empty(), Optional.empty()));
        }
        return Optional.empty();
    }

    private static Optional<ClipName> red(String base) {
        Matcher m = RED.matcher(base);
        if (!m.matches()) {
            return Optional.empty();
        }
        MonthDay md = mmdd(m.group(4));
        OptionalInt part = m.group(6) == null ? OptionalInt.empty() : OptionalInt.of(num(m.group(6)));
        return Optional.of(new ClipName(Vendor.RED, Optional.of(m.group(1)), OptionalInt.of(num(m.group(2))),
                num(m.group(3)), part, Optional.empty(), Optional.of(md)));
    }

    private static Optional<ClipName> blackmagic(String base) {
        Matcher m = BLACKMAGIC.matcher(base);
        if (!m.matches()) {
            return Optional.empty();
        }
        MonthDay md = mmdd(m.group(3));
        int hhmm = num(m.group(4));
        if (hhmm / 100 > 23 || hhmm % 100 > 59) {
            return Optional.empty();
        }
        return Optional.of(new ClipName(Vendor.BLACKMAGIC, Optional.of(m.group(1)), OptionalInt.of(num(m.group(2))),
                num(m.group(5)), OptionalInt.empty(), Optional.empty(), Optional.of(md)));
    }

    private static Optional<ClipName> gopro(String base, String ext) {
        if (!(ext.isEmpty() || ext.equals("MP4") || ext.equals("LRV") || ext.equals("THM") || ext.equals("360"))) {
            return Optional.empty();
        }
        Matcher m = GOPRO.matcher(base);
        if (m.matches()) {
            return Optional.of(new ClipName(Vendor.GOPRO, Optional.empty(), OptionalInt.empty(), num(m.group(3)),
                    OptionalInt.of(num(m.group(2))), Optional.empty(), Optional.empty()));
        }
        Matcher old = GOPRO_OLD.matcher(base);
        if (old.matches()) {
            return Optional.of(new ClipName(Vendor.GOPRO, Optional.empty(), OptionalInt.empty(), num(old.group(1)),
                    OptionalInt.of(0), Optional.empty(), Optional.empty()));
        }
        return Optional.empty();
    }

    private static LocalDate yymmdd(String s) {
        return LocalDate.of(2000 + num(s.substring(0, 2)), num(s.substring(2, 4)), num(s.substring(4, 6)));
    }

    private static MonthDay mmdd(String s) {
        return MonthDay.of(num(s.substring(0, 2)), num(s.substring(2, 4)));
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
