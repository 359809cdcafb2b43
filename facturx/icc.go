package facturx

import (
	"encoding/binary"
	"math"
	"sync"
)

// The sRGB output intent: an ICC version 2 display (mntr) profile, RGB to
// XYZ, made of a matrix (the sRGB primaries adapted to D50) and one tone
// curve (the sRGB transfer function) shared by the three channels. It is
// computed here from the numbers of IEC 61966-2-1, not copied from a file:
// PDF/A only asks for a valid profile of class mntr or prtr, version < 5
// (ISO 19005-3, 6.2.3), and readers only need the colorimetry.

// iccCurvePoints is the number of samples of the tone curve.
const iccCurvePoints = 1024

// srgbICC returns the sRGB profile, computed once; callers must not
// modify it.
var srgbICC = sync.OnceValue(iccBuildSRGB)

// srgbICCFlate returns the profile compressed with zlib (FlateDecode),
// computed once; callers must not modify it.
var srgbICCFlate = sync.OnceValue(func() []byte { return zlibBytes(srgbICC()) })

// iccD50 is the PCS illuminant of ICC profiles.
var iccD50 = [3]float64{0.9642, 1.0, 0.8249}

// iccSRGBMatrix returns the columns of the sRGB to XYZ matrix, chromatically
// adapted from D65 to D50 with the Bradford transform: the rXYZ, gXYZ and
// bXYZ tags.
func iccSRGBMatrix() [3][3]float64 {
	// Chromaticities of the sRGB primaries and of D65.
	prim := [3][2]float64{{0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}}
	wx, wy := 0.3127, 0.3290
	white := [3]float64{wx / wy, 1, (1 - wx - wy) / wy}

	// P holds the XYZ of each primary at Y = 1, one per column.
	var p [3][3]float64
	for j, c := range prim {
		p[0][j] = c[0] / c[1]
		p[1][j] = 1
		p[2][j] = (1 - c[0] - c[1]) / c[1]
	}
	// Scale the columns so that RGB (1,1,1) maps to the white point.
	s := iccMulVec(iccInverse(p), white)
	var m [3][3]float64
	for i := range 3 {
		for j := range 3 {
			m[i][j] = p[i][j] * s[j]
		}
	}

	// Bradford adaptation D65 -> D50.
	brad := [3][3]float64{
		{0.8951, 0.2664, -0.1614},
		{-0.7502, 1.7135, 0.0367},
		{0.0389, -0.0685, 1.0296},
	}
	src := iccMulVec(brad, white)
	dst := iccMulVec(brad, iccD50)
	var scale [3][3]float64
	for i := range 3 {
		scale[i][i] = dst[i] / src[i]
	}
	adapt := iccMulMat(iccInverse(brad), iccMulMat(scale, brad))
	return iccMulMat(adapt, m)
}

func iccMulMat(a, b [3][3]float64) [3][3]float64 {
	var r [3][3]float64
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				r[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return r
}

func iccMulVec(a [3][3]float64, v [3]float64) [3]float64 {
	var r [3]float64
	for i := range 3 {
		for k := range 3 {
			r[i] += a[i][k] * v[k]
		}
	}
	return r
}

func iccInverse(a [3][3]float64) [3][3]float64 {
	det := a[0][0]*(a[1][1]*a[2][2]-a[1][2]*a[2][1]) -
		a[0][1]*(a[1][0]*a[2][2]-a[1][2]*a[2][0]) +
		a[0][2]*(a[1][0]*a[2][1]-a[1][1]*a[2][0])
	var r [3][3]float64
	for i := range 3 {
		for j := range 3 {
			// Cofactor of a[j][i], by the cyclic rule.
			i1, i2 := (j+1)%3, (j+2)%3
			j1, j2 := (i+1)%3, (i+2)%3
			r[i][j] = (a[i1][j1]*a[i2][j2] - a[i1][j2]*a[i2][j1]) / det
		}
	}
	return r
}

// iccSRGBDecode is the sRGB transfer function (electro-optical), from the
// encoded value v in [0, 1] to linear light.
func iccSRGBDecode(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// iccS15Fixed16 encodes v in the ICC signed 15.16 fixed-point format.
func iccS15Fixed16(v float64) uint32 {
	return uint32(int32(math.Round(v * 65536)))
}

// iccTagData is one tag of a profile: its signature and its data.
type iccTagData struct {
	sig  string
	data []byte
}

func iccBuildSRGB() []byte {
	be := binary.BigEndian
	const name = "sRGB IEC61966-2.1"

	// desc: textDescriptionType (ICC.1:2001-04, 6.5.17).
	var desc []byte
	desc = append(desc, "desc\x00\x00\x00\x00"...)
	desc = be.AppendUint32(desc, uint32(len(name)+1))
	desc = append(desc, name...)
	desc = append(desc, 0)
	desc = be.AppendUint32(desc, 0) // Unicode language code
	desc = be.AppendUint32(desc, 0) // Unicode count
	desc = be.AppendUint16(desc, 0) // ScriptCode code
	desc = append(desc, 0)          // ScriptCode count
	desc = append(desc, make([]byte, 67)...)

	cprt := append([]byte("text\x00\x00\x00\x00"), "No copyright, use freely\x00"...)

	xyz := func(v [3]float64) []byte {
		b := []byte("XYZ \x00\x00\x00\x00")
		for _, c := range v {
			b = be.AppendUint32(b, iccS15Fixed16(c))
		}
		return b
	}
	m := iccSRGBMatrix()
	col := func(j int) [3]float64 { return [3]float64{m[0][j], m[1][j], m[2][j]} }

	curv := []byte("curv\x00\x00\x00\x00")
	curv = be.AppendUint32(curv, iccCurvePoints)
	for i := range iccCurvePoints {
		y := iccSRGBDecode(float64(i) / (iccCurvePoints - 1))
		curv = be.AppendUint16(curv, uint16(math.Round(y*65535)))
	}

	tags := []iccTagData{
		{"desc", desc}, {"cprt", cprt}, {"wtpt", xyz(iccD50)},
		{"rXYZ", xyz(col(0))}, {"gXYZ", xyz(col(1))}, {"bXYZ", xyz(col(2))},
		{"rTRC", curv}, {"gTRC", nil}, {"bTRC", nil}, // nil: shares the previous data
	}

	// Layout: header, tag table, then the data of each tag on 4-byte
	// boundaries.
	off := 128 + 4 + 12*len(tags)
	var table, data []byte
	table = be.AppendUint32(table, uint32(len(tags)))
	var lastOff, lastLen int
	for _, t := range tags {
		if t.data != nil {
			for (off+len(data))%4 != 0 {
				data = append(data, 0)
			}
			lastOff, lastLen = off+len(data), len(t.data)
			data = append(data, t.data...)
		}
		table = append(table, t.sig...)
		table = be.AppendUint32(table, uint32(lastOff))
		table = be.AppendUint32(table, uint32(lastLen))
	}
	for len(data)%4 != 0 {
		data = append(data, 0)
	}
	size := 128 + len(table) + len(data)

	h := make([]byte, 0, size)
	h = be.AppendUint32(h, uint32(size))
	h = append(h, 0, 0, 0, 0)    // preferred CMM
	h = append(h, 2, 0x40, 0, 0) // version 2.4.0
	h = append(h, "mntrRGB XYZ "...)
	// Creation date, fixed: 2026-01-01 00:00:00.
	for _, v := range []uint16{2026, 1, 1, 0, 0, 0} {
		h = be.AppendUint16(h, v)
	}
	h = append(h, "acsp"...)
	h = append(h, make([]byte, 4+4+4+4+8)...) // platform, flags, manufacturer, model, attributes
	h = be.AppendUint32(h, 0)                 // rendering intent: perceptual
	for _, c := range iccD50 {
		h = be.AppendUint32(h, iccS15Fixed16(c))
	}
	h = append(h, make([]byte, 128-len(h))...) // creator, profile ID, reserved
	h = append(h, table...)
	return append(h, data...)
}
