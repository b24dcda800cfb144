package io.trigmon.flink.records;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** Explicit type information for {@link WindowSample}, so that no field falls back to Kryo. */
public final class WindowSampleTypeInfoFactory extends TypeInfoFactory<WindowSample> {

  @Override
  public TypeInformation<WindowSample> createTypeInfo(
      Type t, Map<String, TypeInformation<?>> genericParameters) {
    return typeInfo();
  }

  /** The type information. */
  public static TypeInformation<WindowSample> typeInfo() {
    Map<String, TypeInformation<?>> fields = new LinkedHashMap<>();
    fields.put("stream", Types.STRING);
    fields.put("windowStartMillis", Types.LONG);
    fields.put("windowEndMillis", Types.LONG);
    fields.put("nEvents", Types.INT);
    fields.put("dileptons", Types.OBJECT_ARRAY(Types.PRIMITIVE_ARRAY(Types.DOUBLE)));
    fields.put("aeScores", Types.PRIMITIVE_ARRAY(Types.FLOAT));
    fields.put("expected", Types.DOUBLE);
    return Types.POJO(WindowSample.class, fields);
  }
}
