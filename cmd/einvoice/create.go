package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/facturx"
)

const createUsage = `usage: einvoice create [--profile P] [--drop] [--pdf VISUAL.pdf] [--lang fr|en] -o OUT.pdf IN

Writes the invoice IN (a JSON invoice, a CII or UBL document, or a Factur-X
PDF; - is standard input) as a Factur-X PDF/A-3B: a PDF that shows the
invoice, with the invoice as CII in its attachment factur-x.xml.

Without --pdf the PDF is drawn from the invoice (an A4 page per about 25
lines, French labels unless --lang en). With --pdf the PDF VISUAL.pdf (the
invoice as an ERP printed it) is made PDF/A-3B and gets the attachment; an
input that cannot become PDF/A-3B (encrypted, fonts not embedded,
JavaScript, PDF 2.0, ...) is refused with the PDF/A rule it breaks.

A CII input is embedded as it is, unless --profile asks for another profile.
Other inputs are written as CII with the profile P (default en16931).
With extended-ctc-fr (the French subset of extended) the PDF declares
Factur-X EXTENDED, in the XML (BT-24) and in its metadata, as a Factur-X
PDF must; a CII input that declares extended-ctc-fr is refused unless
--profile is given, as it cannot be embedded as it is.

Flags (before or after IN):
  --profile P   minimum, basicwl, basic, en16931, extended or
                extended-ctc-fr
  --drop        drop the terms the profile cannot carry, naming them on
                standard error, instead of failing
  --pdf FILE    the visual PDF to embed the invoice in
  --lang L      labels of the drawn PDF: fr (default) or en
  -o OUT        the output PDF (required); nothing is written on failure

The dates in the PDF are the current time, or SOURCE_DATE_EPOCH (seconds
since 1970) when that environment variable is set, for reproducible output.

Exit status: 0 on success, 1 when the invoice cannot be written (a term the
profile cannot carry, a character the font lacks, a PDF that cannot become
PDF/A-3B), 2 on a usage or read error or undecodable input.
`

func create(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("create", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "output file")
	profile := fs.String("profile", "", "Factur-X profile")
	drop := fs.Bool("drop", false, "drop the terms the profile cannot carry")
	visual := fs.String("pdf", "", "visual PDF")
	lang := fs.String("lang", "fr", "labels")

	positional, code, done := parseFlags(fs, args, createUsage, stdout, stderr)
	if done {
		return code
	}
	var o facturx.Options
	switch *lang {
	case "fr":
	case "en":
		o.Language = facturx.English
	default:
		return usageError(stderr, fmt.Sprintf("create: bad --lang value %q: want fr or en", *lang))
	}
	if *profile != "" {
		if !slices.Contains(profiles, *profile) {
			return usageError(stderr, fmt.Sprintf("create: bad --profile value %q: want one of %s", *profile, strings.Join(profiles, ", ")))
		}
		p, ok := cii.ParseProfile(*profile)
		if !ok {
			return usageError(stderr, "create: --profile "+*profile+" is not supported")
		}
		o.Profile = p
	}
	if *out == "" || *out == "-" {
		return usageError(stderr, "create: -o OUT.pdf is required (a PDF is not written to standard output)")
	}
	if len(positional) != 1 {
		return usageError(stderr, fmt.Sprintf("create: one input file expected, got %d", len(positional)))
	}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return usageError(stderr, "create: SOURCE_DATE_EPOCH is not a number of seconds: "+epoch)
		}
		o.Time = time.Unix(sec, 0).UTC()
	}
	var vis []byte
	if *visual != "" {
		var err error
		if vis, err = os.ReadFile(*visual); err != nil {
			return usageError(stderr, "create: "+err.Error())
		}
	}
	in, code := loadInvoice("create", positional[0], stdin, stderr)
	if code != exitOK {
		return code
	}

	fail := func(err error) int {
		fmt.Fprintf(stderr, "einvoice: create: %s: %s\n", in.name, trimPrefix(err))
		return exitFail
	}
	xml := in.cii
	if xml != nil && o.Profile == 0 && in.profile == cii.ExtendedCTCFR {
		return fail(errors.New("the CII declares EXTENDED-CTC-FR (BT-24), which a Factur-X PDF cannot declare: " +
			"give --profile extended-ctc-fr to write it anew as Factur-X EXTENDED"))
	}
	if xml == nil || o.Profile != 0 {
		if o.Profile == 0 {
			o.Profile = cii.EN16931
		}
		// A Factur-X PDF declares the Factur-X profile: EXTENDED for
		// EXTENDED-CTC-FR.
		o.Profile = o.Profile.FacturX()
		var buf bytes.Buffer
		dropped, err := (&cii.Encoder{Profile: o.Profile, DropUnsupported: *drop}).Encode(&buf, in.inv)
		if len(dropped) > 0 {
			fmt.Fprintf(stderr, "einvoice: create: %s: dropped, as the profile cannot carry them: %s\n", in.name, strings.Join(dropped, ", "))
		}
		if err != nil {
			return fail(err)
		}
		xml = buf.Bytes()
	}
	if vis == nil {
		var buf bytes.Buffer
		if err := facturx.Render(&buf, in.inv, &o); err != nil {
			return fail(err)
		}
		vis = buf.Bytes()
	}
	var pdf bytes.Buffer
	if err := facturx.Embed(&pdf, vis, xml, &o); err != nil {
		return fail(err)
	}
	if err := os.WriteFile(*out, pdf.Bytes(), 0o644); err != nil {
		return fail(err)
	}
	return exitOK
}
