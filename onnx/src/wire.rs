//! The protobuf wire format, as far as reading needs it: a message is a run of fields,
//! each a key (field number and wire type) and a value. Length-delimited values are slices
//! of the input, never copies, so a weight's raw bytes are passed over, not read.

/// Why bytes are not a protobuf message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireError {
    /// The bytes end inside a field.
    Truncated,
    /// A wire type protobuf does not have (or the deprecated groups).
    BadWireType(u8),
    /// A varint longer than ten bytes.
    LongVarint,
}

/// One field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    Varint(u64),
    Fixed64(u64),
    Bytes(&'a [u8]),
    Fixed32(u32),
}

impl Value<'_> {
    /// As an int64 (varints carry negative ones in two's complement).
    pub fn int(self) -> Option<i64> {
        match self {
            Value::Varint(v) => Some(v as i64),
            _ => None,
        }
    }
}

/// The fields of one message, in order.
pub struct Fields<'a> {
    bytes: &'a [u8],
    at: usize,
}

pub fn fields(bytes: &[u8]) -> Fields<'_> {
    Fields { bytes, at: 0 }
}

impl<'a> Iterator for Fields<'a> {
    type Item = Result<(u64, Value<'a>), WireError>;

    fn next(&mut self) -> Option<Self::Item> {
        (self.at < self.bytes.len()).then(|| self.field())
    }
}

impl<'a> Fields<'a> {
    fn field(&mut self) -> Result<(u64, Value<'a>), WireError> {
        let key = varint(self.bytes, &mut self.at)?;
        let value = match key & 7 {
            0 => Value::Varint(varint(self.bytes, &mut self.at)?),
            1 => Value::Fixed64(u64::from_le_bytes(
                self.take(8)?.try_into().unwrap_or_default(),
            )),
            2 => {
                let len = varint(self.bytes, &mut self.at)?;
                Value::Bytes(self.take(usize::try_from(len).map_err(|_| WireError::Truncated)?)?)
            }
            5 => Value::Fixed32(u32::from_le_bytes(
                self.take(4)?.try_into().unwrap_or_default(),
            )),
            other => return Err(WireError::BadWireType(other as u8)),
        };
        Ok((key >> 3, value))
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], WireError> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len());
        let end = end.ok_or(WireError::Truncated)?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }
}

fn varint(bytes: &[u8], at: &mut usize) -> Result<u64, WireError> {
    let mut value = 0u64;
    for shift in (0..70).step_by(7) {
        let byte = *bytes.get(*at).ok_or(WireError::Truncated)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift.min(63);
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(WireError::LongVarint)
}

/// A repeated int64 field's values, packed (one length-delimited run) or not.
pub fn ints(value: Value<'_>, into: &mut Vec<i64>) -> Result<(), WireError> {
    match value {
        Value::Varint(v) => into.push(v as i64),
        Value::Bytes(run) => {
            let mut at = 0;
            while at < run.len() {
                into.push(varint(run, &mut at)? as i64);
            }
        }
        _ => {}
    }
    Ok(())
}

/// A string field's text (lossy: names are for people).
pub fn text(value: Value<'_>) -> String {
    match value {
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        _ => String::new(),
    }
}
