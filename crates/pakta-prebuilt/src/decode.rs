//! The encoded form to serde types: a deserializer that reads the values in order, borrowing strings from
//! the encoded bytes, and gives a `toml::Spanned` field the span the value had in the TOML.

use std::fmt;
use std::ops::Range;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde_spanned::de::SpannedDeserializer;

use crate::{ARRAY, BOOLEAN, FLOAT, INTEGER, STRING, TABLE};

/// Why encoded bytes did not deserialize into a type: the type does not fit the data (an unknown field,
/// a wrong type), or the bytes are no encoded form. Callers read the TOML instead, for an error that
/// names the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error(message.to_string())
    }
}

fn corrupt() -> Error {
    Error("the encoded data is cut short or corrupt".to_string())
}

/// Deserializes a `T` from the output of [`crate::encode`]. Every byte must be read.
pub fn from_slice<'de, T: de::Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, Error> {
    // The strings are checked for UTF-8 once, together: one by one, the check was a sixth of the reading.
    let mut reader = Reader {
        bytes,
        at: 0,
        text: "",
        text_at: 0,
    };
    let len = reader.length()?;
    reader.text = std::str::from_utf8(reader.take(len)?).map_err(|_| corrupt())?;
    let value = T::deserialize(&mut reader)?;
    if reader.at == bytes.len() && reader.text_at == reader.text.len() {
        Ok(value)
    } else {
        Err(Error("trailing bytes after the document".to_string()))
    }
}

#[derive(Debug)]
struct Reader<'de> {
    bytes: &'de [u8],
    at: usize,
    /// Every string, in the order the values name them, and where the next one starts.
    text: &'de str,
    text_at: usize,
}

impl<'de> Reader<'de> {
    fn byte(&mut self) -> Result<u8, Error> {
        let byte = *self.bytes.get(self.at).ok_or_else(corrupt)?;
        self.at += 1;
        Ok(byte)
    }

    fn unsigned(&mut self) -> Result<u64, Error> {
        let mut n = 0u64;
        let mut shift = 0;
        while shift < 64 {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(n);
            }
            shift += 7;
        }
        Err(corrupt())
    }

    fn length(&mut self) -> Result<usize, Error> {
        usize::try_from(self.unsigned()?).map_err(|_| corrupt())
    }

    fn take(&mut self, len: usize) -> Result<&'de [u8], Error> {
        let end = self.at.checked_add(len).ok_or_else(corrupt)?;
        let bytes = self.bytes.get(self.at..end).ok_or_else(corrupt)?;
        self.at = end;
        Ok(bytes)
    }

    fn string(&mut self) -> Result<&'de str, Error> {
        let end = self
            .text_at
            .checked_add(self.length()?)
            .ok_or_else(corrupt)?;
        let text = self.text.get(self.text_at..end).ok_or_else(corrupt)?;
        self.text_at = end;
        Ok(text)
    }

    /// Reads past one value.
    fn skip(&mut self) -> Result<(), Error> {
        let tag = self.byte()?;
        self.unsigned()?;
        self.unsigned()?;
        match tag {
            STRING => {
                self.string()?;
            }
            INTEGER => {
                self.unsigned()?;
            }
            FLOAT => {
                self.take(8)?;
            }
            BOOLEAN => {
                self.byte()?;
            }
            ARRAY | TABLE => {
                for _ in 0..self.length()? {
                    if tag == TABLE {
                        self.string()?;
                    }
                    self.skip()?;
                }
            }
            _ => return Err(corrupt()),
        }
        Ok(())
    }

    /// A value's tag and span.
    fn header(&mut self) -> Result<Value<'_, 'de>, Error> {
        let tag = self.byte()?;
        let start = self.length()?;
        let end = self.length()?;
        Ok(Value {
            reader: self,
            tag,
            span: start..end,
        })
    }
}

/// A value whose tag and span are read, and whose contents come next.
#[derive(Debug)]
struct Value<'a, 'de> {
    reader: &'a mut Reader<'de>,
    tag: u8,
    span: Range<usize>,
}

impl<'de> IntoDeserializer<'de, Error> for Value<'_, 'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Value<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let reader = self.reader;
        match self.tag {
            STRING => visitor.visit_borrowed_str(reader.string()?),
            INTEGER => {
                let zigzag = reader.unsigned()?;
                visitor.visit_i64((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64))
            }
            FLOAT => {
                let bytes: [u8; 8] = reader.take(8)?.try_into().map_err(|_| corrupt())?;
                visitor.visit_f64(f64::from_le_bytes(bytes))
            }
            BOOLEAN => visitor.visit_bool(reader.byte()? != 0),
            ARRAY => {
                let mut items = Items {
                    reader,
                    left: 0,
                    is_table: false,
                };
                items.left = items.reader.length()?;
                let value = visitor.visit_seq(&mut items)?;
                items.done()?;
                Ok(value)
            }
            TABLE => {
                let mut items = Items {
                    reader,
                    left: 0,
                    is_table: true,
                };
                items.left = items.reader.length()?;
                let value = visitor.visit_map(&mut items)?;
                items.done()?;
                Ok(value)
            }
            _ => Err(corrupt()),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // TOML has no null: a value that is there is `Some`; a missing one never gets here.
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if serde_spanned::de::is_spanned(name) {
            let span = self.span.clone();
            return visitor.visit_map(SpannedDeserializer::<Value<'_, 'de>, Error>::new(
                self, span,
            ));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // A unit variant written as a string, as the toml crate reads one.
        if self.tag != STRING {
            return Err(de::Error::custom("an enum is read from a string only"));
        }
        visitor.visit_enum(BorrowedStrDeserializer::new(self.reader.string()?))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.header()?.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.header()?.deserialize_option(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.header()?.deserialize_newtype_struct(name, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.header()?.deserialize_struct(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.header()?.deserialize_enum(name, variants, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// The items of an array, or the entries of a table, still to be read.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    left: usize,
    is_table: bool,
}

impl Items<'_, '_> {
    /// Skips the items the visitor did not ask for: the toml crate lets `[String; 2]` take the first two
    /// of a longer array, and so does this.
    fn done(&mut self) -> Result<(), Error> {
        while self.left > 0 {
            self.left -= 1;
            if self.is_table {
                self.reader.string()?;
            }
            self.reader.skip()?;
        }
        Ok(())
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let key = self.reader.string()?;
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.reader)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}
