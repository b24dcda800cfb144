package io.trigmon.flink.records;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Explicit type information for {@link WindowResult}: a POJO whose map fields are Flink map types.
 * Left to the type extractor, the maps would be generic types serialised by Kryo.
 */
public final class WindowResultTypeInfoFactory extends TypeInfoFactory<WindowResult> {

  @Override
  public TypeInformation<WindowResult> createTypeInfo(
      Type t, Map<String, TypeInformation<?>> genericParameters) {
    return typeInfo();
  }

  /** The type information. */
  public static TypeInformation<WindowResult> typeInfo() {
    Map<String, TypeInformation<?>> fields = new LinkedHashMap<>();
    fields.put("stream", Types.STRING);
    fields.put("windowId", Types.STRING);
    fields.put("windowStartMillis", Types.LONG);
    fields.put("windowEndMillis", Types.LONG);
    fields.put("nEvents", Types.INT);
    fields.put("nData", Types.INT);
    fields.put("nExpected", Types.DOUBLE);
    fields.put("t", Types.DOUBLE);
    fields.put("tau", Types.DOUBLE);
    fields.put("delta", Types.DOUBLE);
    fields.put("nuHat", Types.MAP(Types.STRING, Types.DOUBLE));
    fields.put("nuHatTau", Types.MAP(Types.STRING, Types.DOUBLE));
    fields.put("p", Types.DOUBLE);
    fields.put("z", Types.DOUBLE);
    fields.put("aeScoreQuantiles", Types.MAP(Types.STRING, Types.DOUBLE));
    fields.put("excessM12", Types.DOUBLE);
    fields.put("modelVersions", Types.MAP(Types.STRING, Types.STRING));
    return Types.POJO(WindowResult.class, fields);
  }
}
